namespace AccessReviewFunctions.Domain.Reviews.Access;

/// <summary>Access items and sub-access items: a review's rows, or the rows one step writes.</summary>
public sealed record AccessRows(IReadOnlyList<AccessItem> Items, IReadOnlyList<SubAccessItem> SubItems)
{
    public static readonly AccessRows None = new([], []);

    public int Count => Items.Count + SubItems.Count;

    /// <summary>The remediation of the access item or sub-access item with this id, if it has one.</summary>
    public Remediation.ItemRemediation? RemediationOf(string id) =>
        Items.FirstOrDefault(i => i.Id == id)?.Remediation ?? SubItems.FirstOrDefault(s => s.Id == id)?.Remediation;

    /// <summary>The rows of these access items: the items and their sub-items.</summary>
    public AccessRows Of(IReadOnlySet<string> accessItemIds)
    {
        ArgumentNullException.ThrowIfNull(accessItemIds);
        return new([.. Items.Where(i => accessItemIds.Contains(i.Id))], [.. SubItems.Where(s => accessItemIds.Contains(s.AccessItemId))]);
    }

    public AccessRows Stamped(int revision) =>
        new([.. Items.Select(i => i with { Revision = revision })], [.. SubItems.Select(s => s with { Revision = revision })]);
}
