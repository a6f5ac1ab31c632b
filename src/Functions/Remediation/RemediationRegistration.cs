using AccessReviewFunctions.Functions.Remediation.Connectors;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Remediation;

internal static class RemediationRegistration
{
    public static IServiceCollection AddRemediation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RemediationOptions>()
            .Bind(configuration.GetSection(RemediationOptions.Section))
            .Validate(o => o.IsValid(), $"{RemediationOptions.Section}: MaxAttempts and Concurrency at least 1, RetryMaxDelay at least RetryBaseDelay, ReportTimeout positive.")
            .ValidateOnStart();
        services.AddSingleton<IRemediationConnector, InventoryConnector>();
        services.AddSingleton<RemediationConnectors>();
        services.AddSingleton<RemediationRecorder>();
        services.AddMessageHandler<RemediateAccess, RemediateAccessHandler>(RemediationQueues.Work);
        services.AddMessageHandler<RemediationReportTimeout, RemediateAccessHandler>(RemediationQueues.Work);
        return services;
    }
}
