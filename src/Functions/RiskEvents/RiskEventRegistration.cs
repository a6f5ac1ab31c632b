using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Storage.RiskEvents;

namespace AccessReviewFunctions.Functions.RiskEvents;

internal static class RiskEventRegistration
{
    public static IServiceCollection AddRiskEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RiskEventOptions>(configuration.GetSection(RiskEventOptions.Section));
        services.AddSingleton<IRiskEventStore, TableRiskEventStore>();
        services.AddMessageHandler<RiskEventReceived, RiskEventHandler>(RiskEventReceived.Queue);
        services.AddPoisonHandler<RiskEventReceived, RiskEventHandler>();
        services.AddRiskEventSenderPolicy();
        return services;
    }

    public static void MapRiskEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapRiskEvents();
        app.MapReviewPolicies();
    }
}
