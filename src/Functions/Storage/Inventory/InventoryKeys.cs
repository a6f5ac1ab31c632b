using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// Keys of the bucketed inventory tables (invresources, invgrants, invappgrants): the partition is one of
/// <see cref="Buckets"/> buckets of the owning id (the app, or the principal), the row key starts with the owner and a
/// ':' (ids never contain one). An import of many owners then writes full 100-entity transactions, and one owner's rows
/// are still one key range of one partition.
/// </summary>
internal static class InventoryKeys
{
    public const int Buckets = KeyBuckets.Count;
    private const char Separator = ':';

    /// <summary>The bucket partition of an owner id (<see cref="KeyBuckets"/>).</summary>
    public static string Bucket(string ownerId) => KeyBuckets.Of(ownerId);

    public static IEnumerable<string> AllBuckets() => KeyBuckets.All();

    public static string Row(string ownerId, string local) => ownerId + Separator + local;

    /// <summary>The key range of every row of one owner.</summary>
    public static string OwnerPrefix(string ownerId) => ownerId + Separator;

    public static string Owner(string rowKey) => rowKey[..rowKey.IndexOf(Separator, StringComparison.Ordinal)];

    public static string Local(string rowKey) => rowKey[(rowKey.IndexOf(Separator, StringComparison.Ordinal) + 1)..];
}
