using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.RiskEvents;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.RiskEvents;

/// <summary>
/// <c>GET|PUT /api/v1/review-policies</c> (SUPER_ADMIN): which risk events start a review. A PUT replaces the whole
/// set and writes an <c>access.review.update</c>-style <c>policy.lifecycle.update</c> entry to the System Log.
/// </summary>
internal static class ReviewPolicyEndpoints
{
    public const string Path = "/api/v1/review-policies";
    public const string PolicyUpdated = "policy.lifecycle.update";

    public static void MapReviewPolicies(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (IRiskEventStore store, CancellationToken ct) => TypedResults.Ok(PoliciesDto.From(await store.PoliciesAsync(ct))))
            .RequireAuthorization(Roles.AdminPolicy);
        app.MapPut(Path, PutAsync).RequireAuthorization(Roles.AdminPolicy);
    }

    private static async Task<Ok<PoliciesDto>> PutAsync(PoliciesDto? body, HttpContext http, IRiskEventStore store, IAuditLog log, TimeProvider clock, CancellationToken ct)
    {
        var policies = (body ?? throw DomainException.Validation("body", ViolationCode.Required, "is required")).ToDomain();
        policies.Validate();
        await store.SavePoliciesAsync(policies, ct);
        var actor = http.User.FindFirst(Roles.SubjectClaim)?.Value ?? "unknown";
        var now = clock.GetUtcNow();
        var uuid = Guid.CreateVersion7(now).ToString();
        var entry = new AuditEvent(
            uuid, now, PolicyUpdated, AuditTypes.Version, AuditTypes.Info, "Risk-event review policies updated",
            new AuditActor(actor, AuditTypes.User, actor, actor), new AuditClient(), new AuditAuthenticationContext(), new AuditSecurityContext(),
            [new AuditTarget("review-policies", "ReviewPolicies", "review-policies", "Risk-event review policies")],
            new AuditOutcome(AuditTypes.Success, $"{policies.Policies.Count} policies"),
            new AuditTransaction(AuditTypes.Web, uuid),
            new AuditDebugContext(new Dictionary<string, string>(StringComparer.Ordinal) { ["policies"] = string.Join(", ", policies.Policies.Select(p => p.EventType)) }));
        await log.AppendAsync([LogEntry.Of(Hosting.RequestOrigins.From(http).ApplyTo(entry))], ct);
        return TypedResults.Ok(PoliciesDto.From(policies));
    }
}

internal sealed record PoliciesDto(IReadOnlyList<PolicyDto>? Policies, bool? JoinOpenReview)
{
    public static PoliciesDto From(ReviewPolicies p) => new([.. p.Policies.Select(PolicyDto.From)], p.JoinOpenReview);

    public ReviewPolicies ToDomain()
    {
        var causes = new List<Violation>();
        var policies = (Policies ?? []).Select((p, i) => Violations.Collect(causes, () => p.ToDomain($"policies[{i}]"))).OfType<ReviewPolicy>().ToList();
        Violations.ThrowIfAny(causes);
        return new ReviewPolicies(policies, JoinOpenReview ?? true);
    }
}

/// <summary>One policy as the API spells it: enums as text, the duration as <c>d.hh:mm:ss</c>.</summary>
internal sealed record PolicyDto(
    string? EventType,
    string? MinRiskLevel,
    string? PrincipalTargetType,
    string? Reviewers,
    IReadOnlyList<string>? ReviewerIds,
    IReadOnlyList<string>? FallbackReviewerIds,
    string? Duration,
    string? ExpirationBehavior,
    string? NameTemplate,
    string? RequiredAppLabel)
{
    public static PolicyDto From(ReviewPolicy p) => new(
        p.EventType, p.MinRiskLevel?.ToString(), p.PrincipalTargetType, p.Reviewers.ToString(), p.ReviewerIds, p.FallbackReviewerIds,
        p.Duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture), p.ExpirationBehavior.ToString(), p.NameTemplate, p.RequiredAppLabel);

    public ReviewPolicy ToDomain(string path)
    {
        var duration = TimeSpan.FromDays(7);
        if (Duration is not null && !TimeSpan.TryParse(Duration, System.Globalization.CultureInfo.InvariantCulture, out duration))
        {
            throw DomainException.Validation($"{path}.duration", ViolationCode.Malformed, "must be d.hh:mm:ss, e.g. 7.00:00:00");
        }

        return new ReviewPolicy(
            EventType ?? string.Empty,
            MinRiskLevel is null ? null : EnumText.Parse<RiskLevel>(MinRiskLevel, $"{path}.minRiskLevel"),
            PrincipalTargetType ?? AuditTypes.User,
            EnumText.Parse<PolicyReviewers>(Reviewers ?? nameof(PolicyReviewers.MANAGER), $"{path}.reviewers"),
            ReviewerIds ?? [],
            FallbackReviewerIds ?? [],
            duration,
            EnumText.Parse<ExpirationBehavior>(ExpirationBehavior ?? nameof(Domain.Reviews.ExpirationBehavior.DO_NOTHING), $"{path}.expirationBehavior"),
            NameTemplate ?? "{eventType} for {target.displayName}",
            RequiredAppLabel);
    }
}
