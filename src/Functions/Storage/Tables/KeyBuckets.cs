using System.Globalization;

namespace AccessReviewFunctions.Functions.Storage.Tables;

/// <summary>
/// Partition keys for tables of many small owners: one of <see cref="Count"/> buckets of the owner's id, so a write of
/// many owners fills 100-entity transactions, while one owner's rows stay in one partition found from its id alone.
/// </summary>
internal static class KeyBuckets
{
    public const int Count = 16;

    /// <summary>The bucket of an id among <paramref name="count"/>: FNV-1a of its characters, stable across processes and versions.</summary>
    public static string Of(string id, int count = Count)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Name(hash % (uint)count);
    }

    public static IEnumerable<string> All() => Enumerable.Range(0, Count).Select(b => Name((uint)b));

    private static string Name(uint bucket) => "b" + bucket.ToString("D2", CultureInfo.InvariantCulture);
}
