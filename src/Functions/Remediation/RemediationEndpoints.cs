using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Remediation;

/// <summary>
/// <c>POST /api/v1/remediations/{id}/status</c> (SUPER_ADMIN): a webhook receiver reports on a change it accepted
/// (<c>SUCCEED</c> or <c>FAILED</c>, with at most 255 bytes of <c>info</c>, as Veza's webhook status update;
/// <c>PENDING</c> changes nothing), or an admin marks a failed or manual one <c>FIXED</c>. The id is the one the
/// item shows under <c>remediation.id</c> and the webhook request carried. Answers <c>{}</c>.
/// </summary>
internal static class RemediationEndpoints
{
    public const string Path = "/api/v1/remediations/{id}/status";

    public static void MapRemediations(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReportAsync).RequireAuthorization(Roles.AdminPolicy);

    private static async Task<Ok<Dictionary<string, string>>> ReportAsync(
        string id, StatusReport? body, HttpContext http, IReviewStore store, RemediationRecorder recorder, CancellationToken ct)
    {
        var report = RemediationReport.From(body?.Status, body?.Info);
        var (reviewId, targetId, generation) = RemediationFanOut.ParseRemediationId(id) ?? throw NotFound(id);
        var accessItemId = targetId.StartsWith("sai", StringComparison.Ordinal) ? await store.FindAccessItemIdAsync(reviewId, targetId, ct) : targetId;
        var target = new RemediationTarget(accessItemId ?? throw NotFound(id), accessItemId == targetId ? null : targetId, generation);
        var current = await recorder.FindAsync(reviewId, target, ct) ?? throw NotFound(id);
        if (current.Generation != generation)
        {
            throw NotFound(id);
        }

        if (report.Status == ReportedStatus.FIXED)
        {
            await recorder.MarkFixedAsync(reviewId, target, http.User.Identity?.Name ?? Roles.SuperAdmin, Hosting.RequestOrigins.From(http), ct);
        }
        else if (report.Outcome is { } outcome)
        {
            if (!current.AwaitingReport)
            {
                throw DomainException.InvalidTransition($"Remediation {id} is {current.Status} and not waiting for a status report");
            }

            await recorder.RecordAsync(reviewId, [target], [new RemediationAttempt(target, outcome)], $"{id}.report", reported: true, null, 0, ct);
        }

        return TypedResults.Ok(new Dictionary<string, string>());
    }

    private static DomainException NotFound(string id) => DomainException.NotFound($"{id} (Remediation)");

    internal sealed record StatusReport(string? Status, string? Info);
}
