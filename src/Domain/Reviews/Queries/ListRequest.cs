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
        var parsedFilter = Try(() => Filter.Parse(filter, filters), causes) ?? Filter.MatchAll;
        var parsedOrder = Try(() => OrderBy.Parse(orderBy, sorts), causes);
        var page = Try(() => PageRequest.Parse(limit, parsedOrder is null ? null : after, parsedOrder ?? sorts.Default), causes);
        return causes.Count == 0 ? new(parsedFilter, parsedOrder!, page!) : throw DomainException.Validation(causes);
    }

    private static T? Try<T>(Func<T> parse, List<Violation> causes)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Validation)
        {
            causes.AddRange(e.Causes);
            return null;
        }
    }
}
