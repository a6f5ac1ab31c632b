using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AccessReviewFunctions.Domain.Audit;

/// <summary>
/// The tamper evidence of the System Log: the entries of one time bucket form a hash chain in append order. Entry n
/// stores the SHA-256 of entry n-1 (<see cref="ChainLink.PreviousHash"/>) and its own hash over (previous hash,
/// sequence, key, stored text), and the bucket's head stores the count and the last hash. Editing an entry breaks its
/// own hash; deleting one leaves a gap in the sequence; deleting the last one disagrees with the head.
/// </summary>
public static class LogChain
{
    /// <summary>The previous hash of a bucket's first entry.</summary>
    public const string Genesis = "";

    /// <summary>The bucket of an instant: its UTC hour, <c>yyyyMMddHH</c>, so keys sort by time.</summary>
    public static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>The start of a bucket.</summary>
    public static DateTimeOffset BucketStart(string bucket) =>
        new(DateTime.ParseExact(bucket, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));

    /// <summary>An entry's key: published ticks (so keys sort by time across buckets), then what orders entries of one instant.</summary>
    public static string Key(DateTimeOffset published, string source) =>
        $"{published.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{source}";

    /// <summary>The smallest key at or after an instant.</summary>
    public static string KeyFrom(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static string Hash(string previousHash, long sequence, string key, string text)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        var input = $"{previousHash}\n{sequence.ToString(CultureInfo.InvariantCulture)}\n{key}\n{text}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
    }

    /// <summary>The next link after <paramref name="head"/> for an entry stored as <paramref name="text"/>.</summary>
    public static ChainLink Append(ChainHead head, string key, string text)
    {
        ArgumentNullException.ThrowIfNull(head);
        var sequence = head.Count + 1;
        return new ChainLink(sequence, key, text, head.LastHash, Hash(head.LastHash, sequence, key, text));
    }

    /// <summary>
    /// Recomputes a bucket's chain from its stored links (any order) and its head; returns the first break, or
    /// null when every link holds. A missing head with links present is a break too.
    /// </summary>
    public static ChainBreak? Verify(string bucket, IEnumerable<ChainLink> links, ChainHead? head)
    {
        ArgumentNullException.ThrowIfNull(links);
        var previous = Genesis;
        var expected = 1L;
        foreach (var link in links.OrderBy(l => l.Sequence))
        {
            if (link.Sequence != expected)
            {
                return new ChainBreak(bucket, expected, link.Key, link.Sequence < expected ? "duplicate sequence" : $"entry {expected} is missing");
            }

            if (!string.Equals(link.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new ChainBreak(bucket, link.Sequence, link.Key, "previous hash does not match the previous entry");
            }

            var hash = Hash(previous, link.Sequence, link.Key, link.Text);
            if (!string.Equals(hash, link.Hash, StringComparison.Ordinal))
            {
                return new ChainBreak(bucket, link.Sequence, link.Key, "entry was changed after it was written");
            }

            previous = hash;
            expected++;
        }

        if (head is null)
        {
            return expected == 1 ? null : new ChainBreak(bucket, expected - 1, null, "the bucket's chain head is missing");
        }

        if (head.Count != expected - 1)
        {
            return new ChainBreak(bucket, expected, null, $"entry {expected} is missing (the head counts {head.Count})");
        }

        return string.Equals(head.LastHash, previous, StringComparison.Ordinal)
            ? null
            : new ChainBreak(bucket, head.Count, null, "the last entry does not match the head");
    }
}

/// <summary>A bucket's chain so far: how many entries and the hash of the last (Genesis when none).</summary>
public sealed record ChainHead(long Count, string LastHash)
{
    public static ChainHead Empty { get; } = new(0, LogChain.Genesis);
}

/// <summary>One stored entry as the chain sees it.</summary>
public sealed record ChainLink(long Sequence, string Key, string Text, string PreviousHash, string Hash);

/// <summary>Where a chain first fails: its bucket, the sequence number, the entry's key when there is one, and why.</summary>
public sealed record ChainBreak(string Bucket, long Sequence, string? Key, string Reason);
