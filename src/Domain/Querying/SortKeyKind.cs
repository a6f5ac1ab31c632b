namespace AccessReviewFunctions.Domain.Querying;

/// <summary>What a <see cref="SortKey"/> holds; the declaration order is the cross-kind sort order.</summary>
public enum SortKeyKind
{
    Null,
    Number,
    Date,
    Text,
}
