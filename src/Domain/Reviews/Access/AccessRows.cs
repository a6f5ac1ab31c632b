namespace AccessReviewFunctions.Domain.Reviews.Access;

/// <summary>Access items and sub-access items: a review's rows, or the rows one step writes.</summary>
public sealed record AccessRows(IReadOnlyList<AccessItem> Items, IReadOnlyList<SubAccessItem> SubItems)
{
    public static readonly AccessRows None = new([], []);

    public int Count => Items.Count + SubItems.Count;

    public AccessRows Stamped(int revision) =>
        new([.. Items.Select(i => i with { Revision = revision })], [.. SubItems.Select(s => s with { Revision = revision })]);
}
