using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;

namespace AccessReviewFunctions.Domain.Tests.Querying;

internal sealed record Row(
    string Id,
    string Name,
    string Status = "ACTIVE",
    DateTimeOffset? Created = null,
    decimal? Score = null,
    string[]? Reviewers = null,
    string[]? Labels = null);

internal static class QueryFixtures
{
    public static readonly FilterSchema Schema = new(
        FilterField.Text("name"),
        FilterField.Enum("status", "ACTIVE", "PENDING", "CLOSED"),
        FilterField.Date("created"),
        FilterField.Number("score"),
        FilterField.Text("reviewer.name"),
        FilterField.Text("governanceLabel"));

    public static readonly OrderBySchema Sorts = new(new OrderBy("created", SortDirection.Asc), "created", "name", "score", "id");

    public static readonly DateTimeOffset May24 = new(2022, 5, 24, 14, 15, 22, TimeSpan.Zero);

    public static FieldValue? Resolve(Row row, string field) => field switch
    {
        "name" => FieldValue.Text(row.Name),
        "status" => FieldValue.Text(row.Status),
        "created" => FieldValue.Date(row.Created),
        "score" => FieldValue.Number(row.Score),
        "reviewer.name" => FieldValue.Texts(row.Reviewers ?? []),
        "governanceLabel" => FieldValue.Texts(row.Labels ?? []),
        _ => null,
    };

    public static bool Matches(string filter, Row row) =>
        Filter.Parse(filter, Schema).Matches(field => Resolve(row, field));

    public static string CauseOf(Action action)
    {
        var error = Assert.Throws<DomainException>(action);
        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        return Assert.Single(error.Causes).ToString();
    }

    public static string FilterError(string filter) => CauseOf(() => Filter.Parse(filter, Schema));
}
