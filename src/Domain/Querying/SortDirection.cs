namespace AccessReviewFunctions.Domain.Querying;

/// <summary>Direction of an <see cref="OrderBy"/>.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}
