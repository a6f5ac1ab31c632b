using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Domain.Tests.Audit;

public sealed class AuditEventMapping
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ReviewSnapshot Review = new(
        "sar1", "Risk review", "00utarget", ["00ureviewer1"], ReviewStatus.ACTIVE, At.AddDays(7), At, "00uadmin", At, "00uadmin",
        3, null, null, null);

    [Fact]
    public void Created_IsCreateByTheAdmin()
    {
        var log = AuditEvents.From(new ReviewCreated("sar1", At, "00uadmin", "Risk review", "00utarget"), Review, "u1");

        Assert.Equal(("u1", At, "access.review.create", "0", "INFO"), (log.Uuid, log.Published, log.EventType, log.Version, log.Severity));
        Assert.Equal(new AuditActor("00uadmin", "User", "00uadmin", "00uadmin"), log.Actor);
        Assert.Equal(["sar1", "00utarget"], log.Target.Select(t => t.Id));
        Assert.Equal(["SecurityAccessReview", "User"], log.Target.Select(t => t.Type));
        Assert.Equal("SUCCESS", log.Outcome.Result);
        Assert.Equal(("WEB", "u1"), (log.Transaction.Type, log.Transaction.Id));
        Assert.Equal("Created Risk review (Risk review)", log.DisplayMessage);
        Assert.False(log.DebugContext.DebugData.ContainsKey("automatic"));
        Assert.Equal("sar1", log.DebugContext.DebugData["reviewId"]);
    }

    [Fact]
    public void Activated_IsStartBySystem()
    {
        var log = AuditEvents.From(new ReviewActivated("sar1", At, 3), Review, "u2", "msg1");

        Assert.Equal("access.review.start", log.EventType);
        Assert.Equal(("system", "SystemPrincipal"), (log.Actor.Id, log.Actor.Type));
        Assert.Equal(("SUCCESS", "INFO"), (log.Outcome.Result, log.Severity));
        Assert.Equal(("JOB", "msg1"), (log.Transaction.Type, log.Transaction.Id));
        Assert.Equal("true", log.DebugContext.DebugData["automatic"]);
        Assert.Equal("3", log.DebugContext.DebugData["accessItemCount"]);
    }

    [Fact]
    public void Failed_IsStartFailureWarnWithReason()
    {
        var log = AuditEvents.From(new ReviewFailed("sar1", At, "inventory unavailable"), Review, "u3");

        Assert.Equal("access.review.start", log.EventType);
        Assert.Equal(("FAILURE", "inventory unavailable", "WARN"), (log.Outcome.Result, log.Outcome.Reason, log.Severity));
        Assert.Equal("SystemPrincipal", log.Actor.Type);
    }

    [Theory]
    [InlineData(CloseReason.Manual, "00ureviewer1", "closed manually", "User")]
    [InlineData(CloseReason.EndTimeReached, null, "end time reached", "SystemPrincipal")]
    [InlineData(CloseReason.Completed, null, "completed: every access item has a decision", "SystemPrincipal")]
    public void Closed_IsCloseWithReason(CloseReason reason, string? actor, string expected, string actorType)
    {
        var log = AuditEvents.From(new ReviewClosed("sar1", At, actor, reason), Review, "u4");

        Assert.Equal("access.review.close", log.EventType);
        Assert.Equal(expected, log.Outcome.Reason);
        Assert.Equal(actorType, log.Actor.Type);
        Assert.Equal(reason.ToString(), log.DebugContext.DebugData["closeReason"]);
        Assert.Equal(actor is null, log.DebugContext.DebugData.ContainsKey("automatic"));
    }

    [Fact]
    public void Decided_IsActionOnReviewPrincipalAndItem()
    {
        var log = AuditEvents.From(new AccessDecided("sar1", At, "00ureviewer1", "aim1", "sub1", "GitHub: Admins", AccessAction.REVOKE_ACCESS, null), Review, "u5");

        Assert.Equal("access.review.action", log.EventType);
        Assert.Equal(("REVOKE_ACCESS", "User", "00ureviewer1"), (log.Outcome.Reason, log.Actor.Type, log.Actor.Id));
        Assert.Equal(["sar1", "00utarget", "aim1"], log.Target.Select(t => t.Id));
        var item = log.Target[2];
        Assert.Equal(("AccessItem", "GitHub: Admins"), (item.Type, item.DisplayName));
        Assert.Equal("sub1", item.DetailEntry!["subAccessItemId"]);
    }

    [Fact]
    public void Decided_Automatic_HasSystemActorAndNote()
    {
        var log = AuditEvents.From(new AccessDecided("sar1", At, null, "aim1", null, "Slack", AccessAction.REVOKE_ACCESS, "Not reviewed"), Review, "u6");

        Assert.Equal("SystemPrincipal", log.Actor.Type);
        Assert.Equal("true", log.DebugContext.DebugData["automatic"]);
        Assert.Equal("Not reviewed", log.DebugContext.DebugData["note"]);
        Assert.Null(log.Target[2].DetailEntry);
    }

    [Fact]
    public void UndecidedRevoked_IsAutomaticRevokeWithNote()
    {
        var log = AuditEvents.From(new UndecidedAccessRevoked("sar1", At, 2, "Not reviewed in time"), Review, "u7");

        Assert.Equal(("access.review.action", "REVOKE_ACCESS"), (log.EventType, log.Outcome.Reason));
        Assert.Equal(("system", "SystemPrincipal", "JOB"), (log.Actor.Id, log.Actor.Type, log.Transaction.Type));
        Assert.Equal("true", log.DebugContext.DebugData["automatic"]);
        Assert.Equal("Not reviewed in time", log.DebugContext.DebugData["note"]);
        Assert.Equal("2", log.DebugContext.DebugData["count"]);
    }

    [Fact]
    public void AllRestored_IsRestoreAction()
    {
        var log = AuditEvents.From(new AllAccessRestored("sar1", At, "00uadmin", 4), Review, "u8");

        Assert.Equal(("access.review.action", "RESTORE_ACCESS", "User"), (log.EventType, log.Outcome.Reason, log.Actor.Type));
        Assert.Equal("4", log.DebugContext.DebugData["count"]);
        Assert.False(log.DebugContext.DebugData.ContainsKey("automatic"));
    }

    [Fact]
    public void UniversalLogout_IsActionOnThePrincipal()
    {
        var log = AuditEvents.From(new UniversalLogoutRequested("sar1", At, "00ureviewer1", "00utarget"), Review, "u9");

        Assert.Equal(("access.review.action", "UNIVERSAL_LOGOUT"), (log.EventType, log.Outcome.Reason));
        Assert.Equal(["sar1", "00utarget"], log.Target.Select(t => t.Id));
    }

    [Fact]
    public void Updated_IsUpdateWithChanges()
    {
        var log = AuditEvents.From(new ReviewUpdated("sar1", At, "00uadmin", ["renamed it to X", "changed the end time"]), Review, "u10");

        Assert.Equal(("access.review.update", "renamed it to X; changed the end time"), (log.EventType, log.Outcome.Reason));
    }

    [Fact]
    public void Commented_IsUpdateWithTheComment()
    {
        var log = AuditEvents.From(new ReviewCommented("sar1", At, "00ureviewer1", "looks fine"), Review, "u11");

        Assert.Equal(("access.review.update", "COMMENT"), (log.EventType, log.Outcome.Reason));
        Assert.Equal("looks fine", log.DebugContext.DebugData["comment"]);
    }

    [Fact]
    public void Failed_ReasonWithLineBreaks_EscapedInMessageAndReason()
    {
        var log = AuditEvents.From(new ReviewFailed("sar1", At, "boom\r\n2026-03-01 INFO forged \u001b[0m"), Review with { Name = "Old\nname" }, "u14");

        Assert.Equal("Data gathering failed: boom\\u000D\\u000A2026-03-01 INFO forged \\u001B[0m (Old\\u000Aname)", log.DisplayMessage);
        Assert.Equal("boom\\u000D\\u000A2026-03-01 INFO forged \\u001B[0m", log.Outcome.Reason);
    }

    [Fact]
    public void WithDisplay_EnrichesUsersOnly()
    {
        var log = AuditEvents.From(new AccessDecided("sar1", At, "00ureviewer1", "aim1", null, "Slack", AccessAction.REVOKE_ACCESS, null), Review, "u12");

        var enriched = log.WithDisplay(id => id == "00ureviewer1" ? ("rita@example.com", "Rita Reviewer") : null, ("sys@example.com", "The System"));

        Assert.Equal(("rita@example.com", "Rita Reviewer"), (enriched.Actor.AlternateId, enriched.Actor.DisplayName));
        Assert.Equal(["Risk review", "00utarget", "Slack"], enriched.Target.Select(t => t.DisplayName));
    }

    [Fact]
    public void SystemActor_NoDialectsName_UntilShown()
    {
        var log = AuditEvents.From(new ReviewActivated("sar1", At, 3), Review, "u13");

        var shown = log.WithDisplay(_ => null, ("system@okta.com", "Okta System"));

        Assert.Equal(("system", "system"), (log.Actor.AlternateId, log.Actor.DisplayName));
        Assert.Equal(("system", "system@okta.com", "Okta System"), (shown.Actor.Id, shown.Actor.AlternateId, shown.Actor.DisplayName));
    }
}
