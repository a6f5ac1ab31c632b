using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Common;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The stored access rows of recently used reviews, keyed by review id and the header's ETag. Every change of an
/// item row commits together with the header (one transaction), so a new ETag means possibly new rows and an old
/// entry is never served again; a commit made here carries its entry forward to the new ETag with the rows it wrote.
/// Bounded: when full, it starts over.
/// </summary>
internal sealed class ReviewItemCache
{
    public const int MaxEntries = 256;

    /// <summary>Configuration switch for the cache (on unless set to false), for benchmarks.</summary>
    public const string Setting = "Reviews:ItemCache";
    private readonly BoundedCache<Entry> entries = new(MaxEntries);

    public bool Enabled { get; init; } = true;

    public static ReviewItemCache From(IConfiguration configuration) =>
        new() { Enabled = !string.Equals(configuration[Setting], "false", StringComparison.OrdinalIgnoreCase) };

    public AccessRows? TryGet(string reviewId, string etag) =>
        Enabled && entries.TryGet(reviewId) is { } hit && hit.ETag == etag ? hit.Rows : null;

    public async Task<AccessRows> GetOrLoadAsync(string reviewId, string etag, Func<Task<AccessRows>> load)
    {
        if (TryGet(reviewId, etag) is { } cached)
        {
            return cached;
        }

        var loaded = await load();
        Put(reviewId, etag, loaded);
        return loaded;
    }

    /// <summary>A commit from <paramref name="from"/> to <paramref name="to"/> wrote these rows: the entry moves along with them.</summary>
    public void Advance(string reviewId, string from, string to, AccessRows written)
    {
        if (TryGet(reviewId, from) is not { } rows)
        {
            return;
        }

        var items = written.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var subs = written.SubItems.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Put(reviewId, to, new AccessRows(
            [.. rows.Items.Select(i => items.GetValueOrDefault(i.Id, i))],
            [.. rows.SubItems.Select(s => subs.GetValueOrDefault(s.Id, s))]));
    }

    private void Put(string reviewId, string etag, AccessRows rows)
    {
        if (!Enabled)
        {
            return;
        }

        entries.Put(reviewId, new Entry(etag, rows));
    }

    private sealed record Entry(string ETag, AccessRows Rows);
}
