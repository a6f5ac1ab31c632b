using System.Text.Json;
using System.Text.Json.Serialization;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Reports.Sources;

/// <summary>The manifest of an evidence export: which review, when, the CSV's SHA-256 and row count, the review's header and history.</summary>
internal sealed record EvidenceManifest(
    string ExportId, DateTimeOffset GeneratedAt, EvidenceFile Csv, ReviewSnapshot Review, IReadOnlyList<HistoryEntry> History)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record EvidenceFile(string Name, string ContentType, string Sha256, long Rows);
