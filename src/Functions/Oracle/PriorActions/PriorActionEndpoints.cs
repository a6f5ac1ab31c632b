using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews.PriorActions;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Oracle.PriorActions;

/// <summary>
/// GET …/accessReviews/{accessReviewId}/priorActions: every earlier decision on the access of an access item or
/// sub-access item, across reviews; <c>limit</c> 1..1000 (default 10), <c>page</c> from <c>opc-next-page</c>,
/// <c>sortBy</c> (default timeReviewed) and <c>sortOrder</c> ASC|DESC (default ASC).
/// </summary>
internal static class PriorActionEndpoints
{
    public const string NextPageHeader = "opc-next-page";
    public const int DefaultLimit = 10;
    public const int MaxLimit = 1000;

    public static void MapPriorActions(this RouteGroupBuilder reviews) =>
        reviews.MapGet("/{accessReviewId}/priorActions", ListAsync).WithName("listAccessReviewPriorActions");

    private static async Task<Ok<PriorActionCollection>> ListAsync(
        string accessReviewId, HttpContext http, PriorActionQueries queries, string? limit, string? page, string? sortBy, string? sortOrder, CancellationToken ct)
    {
        var (orderBy, request) = Parse(limit, page, sortBy, sortOrder);
        var found = await queries.ListAsync(OracleDialect.Scope(http), accessReviewId, orderBy, request, ct);
        if (found.NextCursor is { } next)
        {
            http.Response.Headers[NextPageHeader] = next;
        }

        return TypedResults.Ok(new PriorActionCollection([.. found.Items.Select(ToDto)]));
    }

    /// <summary>Every problem with the query is one 400; the page token must belong to the same sort.</summary>
    private static (OrderBy OrderBy, PageRequest Page) Parse(string? limit, string? page, string? sortBy, string? sortOrder)
    {
        var problems = new List<Violation>();
        var size = PageRequest.ParseLimit(limit, DefaultLimit, MaxLimit, problems);
        var field = sortBy ?? PriorActionRules.Sorts.Default.Field;
        if (!PriorActionRules.Sorts.Allows(field))
        {
            problems.Add(new(Fields.OrderBy, ViolationCode.NotAllowed, $"must be one of {string.Join(", ", PriorActionRules.Sorts.Fields)}"));
        }

        var direction = sortOrder switch
        {
            null or "ASC" => SortDirection.Asc,
            "DESC" => SortDirection.Desc,
            _ => Refuse(problems, new("sortOrder", ViolationCode.NotAllowed, "must be ASC or DESC")),
        };
        var orderBy = new OrderBy(PriorActionRules.Sorts.Allows(field) ? field : PriorActionRules.Sorts.Default.Field, direction);
        Violations.ThrowIfAny(problems);
        return (orderBy, new PageRequest(size, page is null ? null : Cursor.Decode(page, orderBy)));
    }

    private static SortDirection Refuse(List<Violation> problems, Violation problem)
    {
        problems.Add(problem);
        return SortDirection.Asc;
    }

    private static PriorActionDto ToDto(PriorAction a) => new(
        a.CampaignName, a.Level, a.ReviewerName, a.ReviewerType.ToString(), a.Action.ToString(), a.TimeReviewed,
        a.IsAutoActioned, null, a.Justification, a.FinalAction.ToString(), null, a.HasSodViolation);
}
