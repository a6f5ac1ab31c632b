using System.Globalization;
using System.Text.Json;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Okta.Lists;
using AccessReviewFunctions.Functions.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace AccessReviewFunctions.Functions.Opa.AccessReports;

/// <summary>
/// /v1/teams/{team_name}/access_reports: create a user, resource or group report (generated in the background),
/// list the team's reports newest first, read one, download its CSV once it is finished.
/// </summary>
internal static class AccessReportEndpoints
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;

    public static void MapAccessReports(this RouteGroupBuilder team)
    {
        var reports = team.MapGroup("/access_reports");
        reports.MapPost("", CreateAsync);
        reports.MapGet("", ListAsync);
        reports.MapGet("/{id}", GetAsync);
        reports.MapGet("/{id}/download", DownloadAsync);
    }

    private static async Task<Created<AccessReportDto>> CreateAsync(
        HttpContext http, string team_name, ReportService reports, ReportRequests requests, CancellationToken ct)
    {
        var team = ReportOwners.Team(OpaTeam.Require(http, team_name));
        var subject = Subject(await ReadAsync(http.Request, ct));
        await requests.RequireKnownAsync(subject, ct);
        var report = await reports.CreateAsync(team, subject, Caller.From(http.User).UserId, ct);
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{report.Id}", AccessReportDto.From(report));
    }

    private static async Task<Ok<AccessReportList>> ListAsync(HttpContext http, string team_name, ReportService reports, string? count, string? offset, CancellationToken ct)
    {
        var team = ReportOwners.Team(OpaTeam.Require(http, team_name));
        var problems = new List<Violation>();
        var limit = PageRequest.ParseLimit(count, DefaultCount, MaxCount, problems);
        Violations.ThrowIfAny(problems);
        var page = await reports.ListAsync(team, limit, string.IsNullOrEmpty(offset) ? null : offset, ct);
        if (page.NextCursor is { } next)
        {
            var href = QueryHelpers.AddQueryString(
                OktaLinks.Absolute(http.Request, http.Request.Path),
                new Dictionary<string, string?> { ["count"] = limit.ToString(CultureInfo.InvariantCulture), ["offset"] = next });
            OktaLinks.Header(http.Response, href, "next");
        }

        return TypedResults.Ok(new AccessReportList([.. page.Items.Select(AccessReportDto.From)]));
    }

    private static async Task<Ok<AccessReportDto>> GetAsync(HttpContext http, string team_name, string id, ReportService reports, CancellationToken ct) =>
        TypedResults.Ok(AccessReportDto.From(await reports.GetAsync(ReportOwners.Team(OpaTeam.Require(http, team_name)), id, ct)));

    private static async Task<IResult> DownloadAsync(HttpContext http, string team_name, string id, ReportService reports, CancellationToken ct)
    {
        var report = ReportService.RequireFile(await reports.GetAsync(ReportOwners.Team(OpaTeam.Require(http, team_name)), id, ct));
        return TypedResults.Stream(stream => reports.CopyFileAsync(report, stream, ct), "text/csv; charset=utf-8", $"{report.Id}.csv");
    }

    private static ReportSubject Subject(CreateAccessReportRequest body)
    {
        var ids = new[] { body.UserId, body.ResourceId, body.GroupId }.Count(id => !string.IsNullOrWhiteSpace(id));
        if (ids != 1)
        {
            throw DomainException.Validation(Fields.Body, ViolationCode.Required, "exactly one of user_id, resource_id or group_id is required");
        }

        if (!string.IsNullOrWhiteSpace(body.UserId))
        {
            return new ReportSubject(ReportType.USER, body.UserId, ServerType("resource_type_filter", body.ResourceTypeFilter ?? ReportSubject.ServerResourceType));
        }

        return string.IsNullOrWhiteSpace(body.ResourceId)
            ? new ReportSubject(ReportType.GROUP, body.GroupId!, ReportSubject.ServerResourceType)
            : new ReportSubject(ReportType.RESOURCE, body.ResourceId, ServerType("resource_type", body.ResourceType));
    }

    private static string ServerType(string field, string? type) =>
        type == ReportSubject.ServerResourceType
            ? type
            : throw DomainException.Validation(field, ViolationCode.NotAllowed, $"unsupported resource type {type ?? "(none)"}; supported: {ReportSubject.ServerResourceType}");

    private static async Task<CreateAccessReportRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<CreateAccessReportRequest>(request.Body, cancellationToken: ct)
                ?? throw DomainException.Validation(Fields.Body, ViolationCode.Required, "a JSON body is required");
        }
        catch (JsonException e)
        {
            throw DomainException.Validation(Fields.Body, ViolationCode.Malformed, $"Malformed JSON: {e.Message}");
        }
    }
}
