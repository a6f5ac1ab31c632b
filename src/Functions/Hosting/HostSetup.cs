using System.Text.Json;
using System.Text.Json.Serialization;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Reports;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Health;
using AccessReviewFunctions.Functions.Idempotency;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Okta;
using AccessReviewFunctions.Functions.Opa;
using AccessReviewFunctions.Functions.Oracle;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.RiskEvents;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Hosting;

/// <summary>The composition root: configuration, storage, auth, runtime and every dialect's endpoints.</summary>
internal static class HostSetup
{
    public static void AddAccessReviewHost(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(HostJson.ReadSettings(Path.Combine(AppContext.BaseDirectory, "host.json")));
        builder.Configuration.AddInMemoryCollection(LocalSettings.ReadValues(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json")));
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection($"{HostJson.Section}:logging"));
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        builder.Services.AddSingleton(TimeProvider.System);
        // Stopping drains the queue listeners (messages in flight finish or are released) within a bound.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddAzureStorage();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new UtcDateTimeConverter());
        });
        builder.Services.AddProblemDetails();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddJwtAuth();
        builder.Services.AddWorkflowRuntime(builder.Configuration);
        builder.Services.AddInventory();
        builder.Services.AddReviews();
        builder.Services.AddReports();
        builder.Services.AddRemediation(builder.Configuration);
        builder.Services.AddRiskEvents(builder.Configuration);
        builder.Services.AddOktaRateLimiting();
        builder.Services.AddApiDescription();
    }

    public static void UseAccessReviewPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = OktaErrorMapping.WriteAsync,
            // ErrorMapping decides what is a fault and logs it once, with the request; a domain error or a bad
            // request is an answer and is not logged.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages(context => OktaErrorMapping.WriteStatusAsync(context.HttpContext));
        app.UseTrustedProxies();
        app.UseApiResponseHeaders();
        app.UseOracleRequestIds();
        app.UseAuthentication();
        app.UseOktaRateLimiting();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
    }

    public static void MapAccessReviewEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapDevTokens(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
        app.MapInventoryImport();
        app.MapRemediations();
        app.MapOkta();
        app.MapApiDescription();
        app.MapOpa();
        app.MapOracle();
        app.MapRiskEventEndpoints();
    }
}
