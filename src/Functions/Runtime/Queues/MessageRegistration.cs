using System.Text.Json;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>One registered message type: its stable name, and typed (reflection-free) deserialize and dispatch.</summary>
internal abstract class MessageRegistration(string typeName, Type messageType)
{
    public string TypeName { get; } = typeName;

    public Type MessageType { get; } = messageType;

    public abstract IWorkflowMessage? Deserialize(JsonElement body, JsonSerializerOptions options);

    public abstract JsonElement Serialize(IWorkflowMessage message, JsonSerializerOptions options);

    public abstract Task DispatchAsync(IServiceProvider services, IWorkflowMessage message, MessageContext context, CancellationToken cancellationToken);

    /// <summary>Calls the poison handler if one is registered; false when there is none.</summary>
    public abstract Task<bool> PoisonAsync(IServiceProvider services, IWorkflowMessage message, string error, CancellationToken cancellationToken);
}

internal sealed class MessageRegistration<TMessage>() : MessageRegistration(typeof(TMessage).Name, typeof(TMessage))
    where TMessage : IWorkflowMessage
{
    public override IWorkflowMessage? Deserialize(JsonElement body, JsonSerializerOptions options) => body.Deserialize<TMessage>(options);

    public override JsonElement Serialize(IWorkflowMessage message, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToElement((TMessage)message, options);

    public override Task DispatchAsync(IServiceProvider services, IWorkflowMessage message, MessageContext context, CancellationToken cancellationToken) =>
        services.GetRequiredService<IMessageHandler<TMessage>>().HandleAsync((TMessage)message, context, cancellationToken);

    public override async Task<bool> PoisonAsync(IServiceProvider services, IWorkflowMessage message, string error, CancellationToken cancellationToken)
    {
        var handler = services.GetService<IPoisonHandler<TMessage>>();
        if (handler is null)
        {
            return false;
        }

        await handler.OnPoisonAsync((TMessage)message, error, cancellationToken);
        return true;
    }
}
