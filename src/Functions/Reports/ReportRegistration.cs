using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Reports.Sources;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Storage.Reports;

namespace AccessReviewFunctions.Functions.Reports;

internal static class ReportRegistration
{
    /// <summary>Reports as durable state, their generation activity, sources, files and the retention job; settings under "Reports".</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
            .Validate(o => o.IsValid(), $"{ReportOptions.Section}: Retention, PartRows and PageRows must be positive.").ValidateOnStart();
        services.AddDurableState<Report, ReportSchema>();
        services.AddSingleton<IReportFiles, BlobReportFiles>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportRequests>();
        services.AddScoped<IReportSource, AccessReportSource>();
        services.AddScoped<IReportSource, EvidenceSource>();
        services.AddMessageHandler<GenerateReport, ReportGenerator>(ReportQueues.Work);
        services.AddPoisonHandler<GenerateReport, ReportGenerator>();
        services.AddTimerJob<ReportRetentionJob>();
        return services;
    }
}
