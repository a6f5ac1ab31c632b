using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Reports.Sources;

/// <summary>
/// The evidence of a review: its access and sub-access items with their decisions as the CSV (cursor: the number of
/// rows written), then a JSON manifest beside it with the review's header, its history and the CSV's SHA-256, which
/// is computed by reading the finished parts back, so it holds for a generation that resumed.
/// </summary>
internal sealed class EvidenceSource(IReviewStore store, ReviewAccess access, IReportFiles files, TimeProvider clock) : IReportSource
{
    public static string ManifestName(string reportId) => $"{reportId}/manifest.json";

    public bool Serves(ReportType type) => type == ReportType.REVIEW_EVIDENCE;

    public IReadOnlyList<string> Header(Report report) => EvidenceLayout.Header;

    public async Task<ReportPage> ReadAsync(Report report, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(report, cancellationToken);
        var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var all = EvidenceLayout.Rows(loaded.Review.View(await access.AllAsync(loaded, cancellationToken))).ToList();
        var rows = all.Skip(offset).Take(limit).ToList();
        var end = offset + rows.Count;
        return new ReportPage(rows, end < all.Count ? end.ToString(CultureInfo.InvariantCulture) : null);
    }

    public async Task<string?> FinishAsync(Report report, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var sink = new HashingStream(hash))
        {
            await files.CopyToAsync(report.PartNames, sink, cancellationToken);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        var review = (await LoadAsync(report, cancellationToken)).Review.State;
        var history = await store.ListHistoryAsync(review.Id, cancellationToken);
        var manifest = new EvidenceManifest(
            report.Id, clock.GetUtcNow(), new EvidenceFile(report.Id + ".csv", "text/csv", sha256, report.TotalRows ?? 0), review, history);
        await using var stream = await files.OpenWriteAsync(ManifestName(report.Id), cancellationToken);
        await JsonSerializer.SerializeAsync(stream, manifest, EvidenceManifest.Json, cancellationToken);
        return sha256;
    }

    private async Task<LoadedReview> LoadAsync(Report report, CancellationToken cancellationToken) =>
        await store.GetAsync(report.Subject.Id, cancellationToken) ?? throw DomainException.NotFound($"{report.Subject.Id} (SecurityAccessReview)");

    /// <summary>A write-only stream that feeds a hash.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
