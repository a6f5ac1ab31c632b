using System.Collections.Concurrent;

namespace AccessReviewFunctions.Functions.Common;

/// <summary>
/// At most <paramref name="maxEntries"/> values by key, shared by all threads; when full it starts over. Enough for a
/// cache whose miss costs one read and whose working set (the reviews in use) is far smaller than the bound.
/// </summary>
internal sealed class BoundedCache<TValue>(int maxEntries)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> entries = new(StringComparer.Ordinal);

    public TValue? TryGet(string key) => entries.GetValueOrDefault(key);

    public void Put(string key, TValue value)
    {
        if (entries.Count >= maxEntries)
        {
            entries.Clear();
        }

        entries[key] = value;
    }

    public void Forget(string key) => entries.TryRemove(key, out _);
}
