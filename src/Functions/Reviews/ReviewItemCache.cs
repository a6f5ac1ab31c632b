using System.Collections.Concurrent;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The item rows of recently read reviews, keyed by review id and the header's ETag. Every change of an item row
/// commits together with the header (one entity-group transaction), so a new ETag means possibly new rows and the
/// old entry is never served again. Bounded: when full, it starts over.
/// </summary>
public sealed class ReviewItemCache
{
    public const int MaxEntries = 256;

    /// <summary>Configuration switch for the cache (on unless set to false), for benchmarks.</summary>
    public const string Setting = "Reviews:ItemCache";
    private readonly ConcurrentDictionary<(string ReviewId, string Kind), Entry> entries = new();

    public bool Enabled { get; init; } = true;

    public static ReviewItemCache From(IConfiguration configuration) =>
        new() { Enabled = !string.Equals(configuration[Setting], "false", StringComparison.OrdinalIgnoreCase) };

    public async Task<T> GetOrLoadAsync<T>(string reviewId, string etag, string kind, Func<Task<T>> load)
        where T : class
    {
        if (!Enabled)
        {
            return await load();
        }

        if (entries.TryGetValue((reviewId, kind), out var hit) && hit.ETag == etag && hit.Value is T value)
        {
            return value;
        }

        var loaded = await load();
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[(reviewId, kind)] = new Entry(etag, loaded);
        return loaded;
    }

    private sealed record Entry(string ETag, object Value);
}
