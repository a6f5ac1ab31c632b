using System.Text.Json.Serialization;
using AccessReviewFunctions.Domain.Reports;
using Kind = AccessReviewFunctions.Domain.Reports.ReportType;

namespace AccessReviewFunctions.Functions.Opa.AccessReports;

/// <summary>The create body: a user report (user_id, resource_type_filter), a resource report (resource_id, resource_type) or a group report (group_id).</summary>
internal sealed record CreateAccessReportRequest(
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("resource_type_filter")] string? ResourceTypeFilter,
    [property: JsonPropertyName("resource_id")] string? ResourceId,
    [property: JsonPropertyName("resource_type")] string? ResourceType,
    [property: JsonPropertyName("group_id")] string? GroupId);

/// <summary>An access report as OPA shows it: snake_case, the requested ids by type, progress while it runs.</summary>
internal sealed record AccessReportDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("report_type")] string ReportType,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("resource_type_filter")] string? ResourceTypeFilter,
    [property: JsonPropertyName("resource_id")] string? ResourceId,
    [property: JsonPropertyName("resource_type")] string? ResourceType,
    [property: JsonPropertyName("group_id")] string? GroupId,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("rows_written")] long RowsWritten,
    [property: JsonPropertyName("total_rows")] long? TotalRows,
    [property: JsonPropertyName("error")] string? Error)
{
    public static AccessReportDto From(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Subject;
        string? Of(Kind type) => s.Type == type ? s.Id : null;
        return new(
            report.Id, report.Status.ToString(), s.Type.ToString().ToLowerInvariant(),
            Of(Kind.USER), s.Type == Kind.USER ? s.ResourceType : null,
            Of(Kind.RESOURCE), s.Type == Kind.RESOURCE ? s.ResourceType : null,
            Of(Kind.GROUP),
            report.CreatedAt, report.StartedAt, report.FinishedAt, report.ExpiresAt, report.RowsWritten, report.TotalRows, report.Error);
    }
}

/// <summary>OPA's list body.</summary>
internal sealed record AccessReportList([property: JsonPropertyName("list")] IReadOnlyList<AccessReportDto> List);
