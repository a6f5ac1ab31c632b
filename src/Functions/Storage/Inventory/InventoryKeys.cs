namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// Keys of the bucketed inventory tables (invresources, invgrants, invappgrants): the partition is one of
/// <see cref="Buckets"/> buckets of the owning id (the app, or the principal), the row key starts with the owner and a
/// ':' (ids never contain one). An import of many owners then writes full 100-entity transactions, and one owner's rows
/// are still one key range of one partition.
/// </summary>
internal static class InventoryKeys
{
    public const int Buckets = 16;
    private const char Separator = ':';

    /// <summary>The bucket partition of an owner id: FNV-1a of its characters, stable across processes and versions.</summary>
    public static string Bucket(string ownerId)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        var hash = 2166136261u;
        foreach (var c in ownerId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return "b" + (hash % Buckets).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<string> AllBuckets() => Enumerable.Range(0, Buckets).Select(b => "b" + b.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));

    public static string Row(string ownerId, string local) => ownerId + Separator + local;

    /// <summary>The key range of every row of one owner.</summary>
    public static string OwnerPrefix(string ownerId) => ownerId + Separator;

    public static string Owner(string rowKey) => rowKey[..rowKey.IndexOf(Separator, StringComparison.Ordinal)];

    public static string Local(string rowKey) => rowKey[(rowKey.IndexOf(Separator, StringComparison.Ordinal) + 1)..];
}
