using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;

namespace AccessReviewFunctions.Domain.Reviews.Queries;

/// <summary>
/// The validated <c>filter</c>, <c>orderBy</c>, <c>limit</c> and <c>after</c> of one list request. Every broken
/// parameter becomes one cause of a single Validation <see cref="DomainException"/>.
/// </summary>
public sealed record ListRequest(Filter Filter, OrderBy OrderBy, PageRequest Page)
{
    public static ListRequest Parse(string? filter, string? orderBy, string? limit, string? after, FilterSchema filters, OrderBySchema sorts)
    {
        var causes = new List<Violation>();
        var parsedFilter = Violations.Collect(causes, () => Filter.Parse(filter, filters)) ?? Filter.MatchAll;
        var parsedOrder = Violations.Collect(causes, () => OrderBy.Parse(orderBy, sorts));
        var page = Violations.Collect(causes, () => PageRequest.Parse(limit, parsedOrder is null ? null : after, parsedOrder ?? sorts.Default));
        Violations.ThrowIfAny(causes);
        return new(parsedFilter, parsedOrder!, page!);
    }
}
