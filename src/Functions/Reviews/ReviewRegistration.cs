using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Reviews.Storage;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews;

public static class ReviewRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton<IdGenerator>();
        services.AddSingleton<ReviewTables>();
        services.AddSingleton<OutboxEntity>();
        services.AddSingleton<IReviewStore, TableReviewStore>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IReviewIndex, TableReviewIndex>();
        services.AddSingleton<IOutboxDispatcher, OutboxDispatcher>();
        services.AddSingleton<ReviewUpdater>();
        services.AddScoped<ReviewService>();
        services.AddSingleton(sp => ReviewItemCache.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ReviewQueries>();
        services.AddMessageHandler<GatherAccess, GatherAccessHandler>(ReviewQueues.Work);
        services.AddPoisonHandler<GatherAccess, GatherAccessHandler>();
        services.AddMessageHandler<ReviewEndTimer, ReviewEndTimerHandler>(ReviewQueues.Control);
        services.AddMessageHandler<AutoRejectUndecided, AutoRejectHandler>(ReviewQueues.Work);
        services.AddMessageHandler<RecordDecisions, RecordDecisionsHandler>(ReviewQueues.Work);
        services.AddSingleton<IDecisionLog, TableDecisionLog>();
        services.AddSingleton<ReviewSettingsSource>();
        services.AddSingleton<PrincipalClaims>();
        services.AddTimerJob<SweeperJob>();
        return services;
    }
}
