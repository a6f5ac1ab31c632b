using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.RiskEvents;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Runtime.Queues;

namespace AccessReviewFunctions.Functions.RiskEvents;

/// <summary>
/// Handles one risk event: stores access.* events in the System Log, matches the policies, and starts one review
/// per event under an id derived from the event (a redelivery finds it and stops), or joins the principal's open
/// risk-triggered review. The principal's "open risk review" marker is claimed (insert-if-absent) before the review is
/// created, so two different events for one principal at the same instant start one review and the other joins it; a
/// refused creation releases the marker, and a marker whose review never appeared is taken over after
/// <see cref="ClaimGrace"/>. An event no policy matches, or for an unknown user, is recorded as SKIPPED; a broken one is
/// recorded as failed and goes to <c>risk-events-poison</c> with the reason.
/// </summary>
internal sealed class RiskEventHandler(
    IRiskEventStore store,
    IAuditLog log,
    IInventoryStore inventory,
    IReviewStore reviews,
    ReviewService service,
    ReviewUpdater updater,
    TimeProvider clock) : IMessageHandler<RiskEventReceived>, IPoisonHandler<RiskEventReceived>
{
    public const string SystemActor = "system";

    /// <summary>How long a marker whose review does not exist yet counts as a creation in progress, not a failed one.</summary>
    public static readonly TimeSpan ClaimGrace = TimeSpan.FromMinutes(2);

    /// <summary>How often, and how far apart, a joining event looks for a review another delivery is creating before it retries through the queue.</summary>
    private const int CreationChecks = 20;
    private static readonly TimeSpan CreationCheckDelay = TimeSpan.FromMilliseconds(100);

    public async Task HandleAsync(RiskEventReceived message, MessageContext context, CancellationToken cancellationToken)
    {
        RiskEvent e;
        try
        {
            e = RiskEvent.Parse(message.Body);
        }
        catch (FormatException error)
        {
            await OnPoisonAsync(message, error.Message, cancellationToken);
            throw new PoisonMessageException($"risk event {message.Key}: {error.Message}", error);
        }

        if (e.IsAccessEvent)
        {
            await log.AppendAsync([LogEntry.Of(e.Event)], cancellationToken);
        }

        await store.RecordOutcomeAsync(await DecideAsync(e, message.MessageId, cancellationToken), cancellationToken);
    }

    public Task OnPoisonAsync(RiskEventReceived message, string error, CancellationToken cancellationToken) =>
        store.RecordFailedAsync(new FailedRiskEvent(message.Key, message.Body, error, clock.GetUtcNow()), cancellationToken);

    private async Task<RiskEventOutcome> DecideAsync(RiskEvent e, string messageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        RiskEventOutcome Outcome(string outcome, string? reviewId, string? reason) => new(e.Uuid, e.EventType, outcome, reviewId, reason, now);
        var reviewId = RiskEventReceived.ReviewIdFor(e.Uuid, e.Event.Published);
        if (await reviews.GetAsync(reviewId, cancellationToken) is not null)
        {
            return Outcome("CREATED", reviewId, null);
        }

        var policies = await store.PoliciesAsync(cancellationToken);
        var firstUser = e.Event.Target.FirstOrDefault(t => t.Type == Domain.Audit.AuditTypes.User);
        var access = firstUser is null ? null : await inventory.GetPrincipalAccessAsync(firstUser.Id, cancellationToken);
        IReadOnlyList<string> Labels(string appId) => access is not null && access.Apps.TryGetValue(appId, out var app) ? app.App.GovernanceLabels : [];
        var match = policies.Match(e, Labels);
        if (match is not { Policy: { } policy, Principal: { } target })
        {
            return Outcome("SKIPPED", null, match.Skipped);
        }

        var principal = access?.Principal.Id == target.Id ? access.Principal : await inventory.GetUserAsync(target.Id, cancellationToken);
        if (principal is null)
        {
            return Outcome("SKIPPED", null, $"unknown user {target.Id}");
        }

        if (policies.JoinOpenReview && await JoinOrClaimAsync(principal.Id, reviewId, e, messageId, cancellationToken) is { } joined)
        {
            return Outcome("JOINED", joined, null);
        }

        var manager = principal.ManagerId is { } managerId ? await inventory.GetUserAsync(managerId, cancellationToken) : null;
        var reviewers = policy.ReviewersFor(principal, manager);
        if (reviewers.Count == 0)
        {
            await store.ReleaseOpenRiskReviewAsync(principal.Id, reviewId, cancellationToken);
            return Outcome("SKIPPED", null, "no reviewer: the manager is missing, is the principal or is inactive, and there is no fallback");
        }

        var request = new NewReview(principal.Id, policy.NameFor(e, target with { DisplayName = $"{principal.FirstName} {principal.LastName}" }), "USER", [.. reviewers], now + policy.Duration, policy.ExpirationBehavior);
        try
        {
            await service.CreateAsync(request, SystemActor, cancellationToken, reviewId);
        }
        catch (ConcurrencyException)
        {
            // Another delivery of the same event created it first; anything else is a failure to retry.
            if (await reviews.GetAsync(reviewId, cancellationToken) is null)
            {
                throw;
            }
        }
        catch (DomainException refused) when (refused.Kind == DomainErrorKind.Validation)
        {
            await store.ReleaseOpenRiskReviewAsync(principal.Id, reviewId, cancellationToken);
            return Outcome("SKIPPED", null, string.Join("; ", refused.Causes));
        }

        return Outcome("CREATED", reviewId, null);
    }

    /// <summary>
    /// The principal's open risk-triggered review this event joined, or null once this event holds the principal's
    /// marker and must create its own review. A marker held by a review another delivery is still creating is waited
    /// for briefly, then the message is retried; one held by a closed review, or by one that never appeared within
    /// <see cref="ClaimGrace"/>, is taken over under its ETag.
    /// </summary>
    private async Task<string?> JoinOrClaimAsync(string principalId, string ownReviewId, RiskEvent e, string messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            var held = await store.ClaimOpenRiskReviewAsync(principalId, ownReviewId, now, cancellationToken);
            if (held.ReviewId == ownReviewId)
            {
                return null;
            }

            var open = await reviews.GetAsync(held.ReviewId, cancellationToken);
            for (var check = 0; open is null && check < CreationChecks && now - held.ClaimedAt < ClaimGrace; check++)
            {
                await Task.Delay(CreationCheckDelay, cancellationToken);
                open = await reviews.GetAsync(held.ReviewId, cancellationToken);
            }

            if (open is null && now - held.ClaimedAt < ClaimGrace)
            {
                throw new InvalidOperationException($"risk event {e.Uuid}: review {held.ReviewId} of {principalId} is still being created; retrying to join it");
            }

            if (open is not null && open.Review.Status.IsOpen() && await JoinAsync(held.ReviewId, e, messageId, cancellationToken))
            {
                return held.ReviewId;
            }

            if (await store.TakeOverOpenRiskReviewAsync(principalId, held, ownReviewId, now, cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>Adds the event to the open review's history; false when it closed meanwhile.</summary>
    private async Task<bool> JoinAsync(string openId, RiskEvent e, string messageId, CancellationToken cancellationToken)
    {
        var after = await updater.UpdateAsync(
            openId,
            review => review.Status.IsOpen() ? ReviewChange.Of(review.JoinRiskEvent(clock.GetUtcNow(), e.EventType, e.Uuid)) : null,
            messageId,
            cancellationToken);
        return after is not null && after.Status.IsOpen();
    }
}
