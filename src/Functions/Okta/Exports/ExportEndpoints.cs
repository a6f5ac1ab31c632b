using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Okta.Lists;
using AccessReviewFunctions.Functions.Reports;
using AccessReviewFunctions.Functions.Reports.Sources;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Exports;

/// <summary>
/// Evidence exports of a review (admin only): POST starts one (generated in the background: the items' CSV and a
/// manifest with the CSV's SHA-256), GET shows its status and links, /csv and /manifest download the files.
/// </summary>
internal static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup($"{OktaScope.AdminBase}/{{reviewId}}/exports").RequireAuthorization(Roles.AdminPolicy);
        exports.MapPost("", CreateAsync);
        exports.MapGet("/{exportId}", GetAsync);
        exports.MapGet("/{exportId}/csv", CsvAsync);
        exports.MapGet("/{exportId}/manifest", ManifestAsync);
    }

    private static async Task<Created<ExportDto>> CreateAsync(HttpContext http, string reviewId, IReviewStore reviews, ReportService reports, CancellationToken ct)
    {
        _ = await reviews.GetAsync(reviewId, ct) ?? throw DomainException.NotFound($"{reviewId} (SecurityAccessReview)");
        var export = await reports.CreateAsync(ReportOwners.Review(reviewId), new ReportSubject(ReportType.REVIEW_EVIDENCE, reviewId), Caller.From(http.User).UserId, ct);
        var self = Self(reviewId, export.Id);
        return TypedResults.Created(self, ExportDto.From(export, OktaLinks.Absolute(http.Request, self)));
    }

    private static async Task<Ok<ExportDto>> GetAsync(HttpContext http, string reviewId, string exportId, ReportService reports, CancellationToken ct) =>
        TypedResults.Ok(ExportDto.From(await reports.GetAsync(ReportOwners.Review(reviewId), exportId, ct), OktaLinks.Absolute(http.Request, Self(reviewId, exportId))));

    private static async Task<IResult> CsvAsync(string reviewId, string exportId, ReportService reports, CancellationToken ct)
    {
        var export = ReportService.RequireFile(await reports.GetAsync(ReportOwners.Review(reviewId), exportId, ct));
        return TypedResults.Stream(stream => reports.CopyFileAsync(export, stream, ct), "text/csv; charset=utf-8", $"{export.Id}.csv");
    }

    private static async Task<IResult> ManifestAsync(string reviewId, string exportId, ReportService reports, IReportFiles files, CancellationToken ct)
    {
        var export = ReportService.RequireFile(await reports.GetAsync(ReportOwners.Review(reviewId), exportId, ct));
        return TypedResults.Stream(stream => files.CopyToAsync([EvidenceSource.ManifestName(export.Id)], stream, ct), "application/json", $"{export.Id}.manifest.json");
    }

    private static string Self(string reviewId, string exportId) => $"{OktaScope.AdminBase}/{reviewId}/exports/{exportId}";
}
