namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>A typed queue message. Its id is deterministic where a retry must not create a second message.</summary>
internal interface IWorkflowMessage
{
    string MessageId { get; }
}

/// <summary>A message to put on a queue (logical name, before the storage prefix), visible from VisibleAt.</summary>
internal sealed record OutgoingMessage(string Queue, IWorkflowMessage Message, DateTimeOffset? VisibleAt = null);

internal interface IMessageSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

internal sealed record MessageContext(string Queue, string QueueMessageId, int DequeueCount, DateTimeOffset? InsertedAt);

internal interface IMessageHandler<in TMessage>
    where TMessage : IWorkflowMessage
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken cancellationToken);
}

/// <summary>Called once when a message of this type has failed maxDequeueCount times and went to the poison queue.</summary>
internal interface IPoisonHandler<in TMessage>
    where TMessage : IWorkflowMessage
{
    Task OnPoisonAsync(TMessage message, string error, CancellationToken cancellationToken);
}

/// <summary>A timer trigger: runs on its schedule as a singleton across all host instances.</summary>
internal interface ITimerJob
{
    /// <summary>Name of the job: the key of its schedule under AzureFunctionsJobHost:timers and of its lease blob.</summary>
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
