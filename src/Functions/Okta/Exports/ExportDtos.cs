using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Okta.Lists;

namespace AccessReviewFunctions.Functions.Okta.Exports;

/// <summary>A review's evidence export in Okta's shape: camelCase, and <c>_links</c> to both files once it is finished.</summary>
internal sealed record ExportDto(
    string Id,
    string ReviewId,
    string Status,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset? Completed,
    DateTimeOffset? Expires,
    long RowsWritten,
    long? TotalRows,
    string? Sha256,
    string? Error,
    IReadOnlyDictionary<string, LinkDto> _links)
{
    public static ExportDto From(Report export, string self)
    {
        ArgumentNullException.ThrowIfNull(export);
        var links = new Dictionary<string, LinkDto>(StringComparer.Ordinal) { ["self"] = OktaLinks.Link(self, "GET") };
        if (export.Status.HasFile())
        {
            links["csv"] = OktaLinks.Link($"{self}/csv", "GET");
            links["manifest"] = OktaLinks.Link($"{self}/manifest", "GET");
        }

        return new(
            export.Id, export.Subject.Id, export.Status.ToString(), export.CreatedAt, export.CreatedBy, export.FinishedAt, export.ExpiresAt,
            export.RowsWritten, export.TotalRows, export.Sha256, export.Error, links);
    }
}
