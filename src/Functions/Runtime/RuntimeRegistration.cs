using AccessReviewFunctions.Functions.Runtime.Timers;
using AccessReviewFunctions.Functions.Runtime.Queues;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>Registration of the workflow runtime, its message handlers and its timer jobs.</summary>
internal static class RuntimeRegistration
{
    /// <summary>The sender, listeners and timer triggers, with settings from host.json and "Runtime".</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueOptions>()
            .Bind(configuration.GetSection(QueueOptions.Section))
            .Validate(o => o.IsValid(), $"{QueueOptions.Section}: batchSize must be 1-{QueueOptions.MaxBatchSize}, maxDequeueCount at least 1, maxPollingInterval at least 100 ms.")
            .ValidateOnStart();
        services.AddOptions<RuntimeOptions>()
            .Bind(configuration.GetSection(RuntimeOptions.Section))
            .Validate(o => o.IsValid(), $"{RuntimeOptions.Section}: MessageLease, MaxRetryDelay, MaxTimerHop and MaxYield must be within 7 days.")
            .ValidateOnStart();
        Registry(services);
        services.TryAddSingleton<QueueWakeUp>();
        services.TryAddSingleton<QueuePriority>();
        services.TryAddSingleton<RuntimeActivity>();
        services.TryAddSingleton<MessageSerializer>();
        services.TryAddSingleton<MessageProcessor>();
        services.TryAddSingleton<IMessageSender, QueueMessageSender>();
        services.TryAddSingleton<SingletonLock>();
        services.TryAddSingleton<TimerJobRunner>();
        services.AddHostedService<TimerTriggerService>();
        services.TryAddSingleton<OutboxRows>();
        services.TryAddSingleton<WorkClaims>();
        services.TryAddSingleton<InProcessDelivery>();
        services.TryAddSingleton<IOutboxDispatcher, OutboxDispatcher>();
        services.TryAddSingleton<OutboxInBackground>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxInBackground>());
        return services;
    }

    /// <summary>A kind of durable state kept in the partitions of one table, changed through its DurableUpdater.</summary>
    public static IServiceCollection AddDurableState<TState, TSchema>(this IServiceCollection services)
        where TState : class
        where TSchema : class, IPartitionSchema<TState>
    {
        services.TryAddSingleton<TSchema>();
        services.TryAddSingleton<IPartitionSchema<TState>>(sp => sp.GetRequiredService<TSchema>());
        services.AddSingleton<IDurableSchema>(sp => sp.GetRequiredService<TSchema>());
        services.TryAddSingleton<DurableUpdater<TState>>();
        services.AddTimerJob<OutboxJob>();
        return services;
    }

    /// <summary>Handles messages of type TMessage arriving on a queue (logical name), and starts that queue's listener.</summary>
    public static IServiceCollection AddMessageHandler<TMessage, THandler>(this IServiceCollection services, string queue)
        where TMessage : IWorkflowMessage
        where THandler : class, IMessageHandler<TMessage>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var registry = Registry(services);
        registry.Add<TMessage>();
        services.TryAddScoped<IMessageHandler<TMessage>, THandler>();
        if (registry.Listen(queue))
        {
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueListener>(sp, queue));
        }

        return services;
    }

    /// <summary>
    /// Marks a queue whose messages are deadlines (timers): while it has a backlog in an instance, that instance's other
    /// listeners fetch no new batch, for Runtime:MaxYield at most (<see cref="QueuePriority"/>).
    /// </summary>
    public static IServiceCollection AddUrgentQueue(this IServiceCollection services, string queue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        Registry(services).MarkUrgent(queue);
        return services;
    }

    /// <summary>
    /// Handles a TMessage from the outbox of a change made over HTTP in this process rather than through its queue,
    /// when this instance listens to that queue (<see cref="InProcessDelivery"/>). Register its handler first.
    /// </summary>
    public static IServiceCollection AddInProcessDelivery<TMessage>(this IServiceCollection services, string queue)
        where TMessage : IWorkflowMessage
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        Registry(services).MarkInProcess(typeof(TMessage), queue);
        return services;
    }

    /// <summary>Called once when a TMessage exhausted its retries and went to the poison queue.</summary>
    public static IServiceCollection AddPoisonHandler<TMessage, THandler>(this IServiceCollection services)
        where TMessage : IWorkflowMessage
        where THandler : class, IPoisonHandler<TMessage>
    {
        Registry(services).Add<TMessage>();
        services.TryAddScoped<IPoisonHandler<TMessage>, THandler>();
        return services;
    }

    /// <summary>Lets this host send TMessage without handling it.</summary>
    public static IServiceCollection AddMessageType<TMessage>(this IServiceCollection services)
        where TMessage : IWorkflowMessage
    {
        Registry(services).Add<TMessage>();
        return services;
    }

    public static IServiceCollection AddTimerJob<TJob>(this IServiceCollection services)
        where TJob : class, ITimerJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITimerJob, TJob>());
        return services;
    }

    private static MessageRegistry Registry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(MessageRegistry))?.ImplementationInstance is MessageRegistry existing)
        {
            return existing;
        }

        var registry = new MessageRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
