using AccessReviewFunctions.Functions.Remediation.Connectors;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.Options;
using Polly;

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
        services.AddSingleton<IRemediationConnector, WebhookConnector>();
        services.AddSingleton<IRemediationConnector, ScimConnector>();
        foreach (var (client, timeout) in new (string, Func<RemediationOptions, TimeSpan>)[] { (WebhookConnector.ClientName, o => o.Webhook.Timeout), (ScimConnector.ClientName, o => o.Scim.Timeout) })
        {
            // One attempt per call, bounded by its timeout: retries are the work items' own, durable ones.
            services.AddHttpClient(client).AddResilienceHandler(client, (pipeline, context) =>
                pipeline.AddTimeout(timeout(context.ServiceProvider.GetRequiredService<IOptions<RemediationOptions>>().Value)));
        }

        services.AddSingleton<RemediationConnectors>();
        services.AddSingleton<RemediationRecorder>();
        services.AddMessageHandler<RemediateAccess, RemediateAccessHandler>(RemediationQueues.Work);
        services.AddMessageHandler<RemediationReportTimeout, RemediateAccessHandler>(RemediationQueues.Work);
        services.AddMessageHandler<RemediateLogout, RemediateAccessHandler>(RemediationQueues.Work);
        return services;
    }
}
