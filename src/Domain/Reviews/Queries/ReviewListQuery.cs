using AccessReviewFunctions.Domain.Querying;

namespace AccessReviewFunctions.Domain.Reviews.Queries;

/// <summary>
/// The Okta review list: filter on <c>name</c>, <c>status</c>, <c>reviewer.name</c> (any reviewer's "First Last")
/// and <c>created</c>; sort on one of created, name, endTime, status, id (default <c>created asc</c>).
/// </summary>
public static class ReviewListQuery
{
    public static FilterSchema Filters { get; } = new(
        FilterField.Text("name"),
        FilterField.Enum("status", Enum.GetNames<ReviewStatus>()),
        FilterField.Text("reviewer.name"),
        FilterField.Date("created"));

    public static OrderBySchema Sorts { get; } = new(new OrderBy("created", SortDirection.Asc), "created", "name", "endTime", "status", "id");

    /// <summary>The row's value of a filter field; <paramref name="reviewerNames"/> gives the reviewers' display names.</summary>
    public static FieldValue? Resolve(ReviewSnapshot review, string field, Func<ReviewSnapshot, IEnumerable<string>> reviewerNames)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(reviewerNames);
        return field switch
        {
            "name" => FieldValue.Text(review.Name),
            "status" => FieldValue.Text(review.Status.ToString()),
            "reviewer.name" => FieldValue.Texts(reviewerNames(review)),
            "created" => FieldValue.Date(review.Created),
            _ => null,
        };
    }

    public static RowOrder<ReviewSnapshot> Order(OrderBy orderBy)
    {
        ArgumentNullException.ThrowIfNull(orderBy);
        return new(orderBy, orderBy.Field switch
        {
            "name" => r => SortKey.Of(r.Name),
            "endTime" => r => SortKey.Of(r.EndTime),
            "status" => r => SortKey.Of(r.Status.ToString()),
            "id" => r => SortKey.Of(r.Id),
            _ => r => SortKey.Of(r.Created),
        }, r => r.Id);
    }
}
