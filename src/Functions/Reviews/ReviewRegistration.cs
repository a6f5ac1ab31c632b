using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Storage.Logs;
using AccessReviewFunctions.Functions.Storage.Reviews;

namespace AccessReviewFunctions.Functions.Reviews;

internal static class ReviewRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton<IdGenerator>();
        services.AddDurableState<SecurityAccessReview, ReviewSchema>();
        services.AddSingleton<ReviewChangeRows>();
        services.AddSingleton<IReviewStore, TableReviewStore>();
        services.AddSingleton<IAuditLog, TableSystemLog>();
        services.AddSingleton<IReviewIndex, TableReviewIndex>();
        services.AddSingleton<IDecisionLog, TableDecisionLog>();
        services.AddSingleton<IPrincipalClaims, TablePrincipalClaims>();
        services.AddSingleton<ReviewUpdater>();
        services.AddScoped<ReviewService>();
        services.AddSingleton(sp => ReviewItemCache.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ReviewQueries>();
        services.AddSingleton<PriorActionQueries>();
        services.AddSingleton<ReviewAccess>();
        services.AddMessageHandler<GatherAccess, GatherAccessHandler>(ReviewQueues.Work);
        services.AddPoisonHandler<GatherAccess, GatherAccessHandler>();
        services.AddMessageHandler<ReviewEndTimer, ReviewEndTimerHandler>(ReviewQueues.Control);
        services.AddUrgentQueue(ReviewQueues.Control);
        services.AddMessageHandler<ApplyPendingDecisions, ApplyPendingHandler>(ReviewQueues.Work);
        services.AddMessageHandler<RecordDecisions, RecordDecisionsHandler>(ReviewQueues.Work);
        services.AddMessageHandler<AppendReviewLog, AppendReviewLogHandler>(AppendReviewLog.Queue);
        services.AddInProcessDelivery<AppendReviewLog>(AppendReviewLog.Queue);
        services.AddSingleton<ReviewSettingsSource>();
        services.AddTimerJob<SweeperJob>();
        services.AddSingleton(sp => EndTimerHorizon.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IEndTimerMark, TableEndTimerMark>();
        services.AddTimerJob<EndTimerJob>();
        return services;
    }
}
