namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>The message types and listened queues known to this host, filled at registration time.</summary>
internal sealed class MessageRegistry
{
    private readonly Dictionary<string, MessageRegistration> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, MessageRegistration> byType = [];
    private readonly HashSet<string> queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> urgent = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> inProcess = [];

    public IReadOnlyCollection<string> ListenedQueues => queues;

    public void Add<TMessage>()
        where TMessage : IWorkflowMessage
    {
        if (byType.ContainsKey(typeof(TMessage)))
        {
            return;
        }

        var registration = new MessageRegistration<TMessage>();
        if (byName.TryGetValue(registration.TypeName, out var existing))
        {
            throw new InvalidOperationException($"Message types {existing.MessageType.FullName} and {typeof(TMessage).FullName} share the name '{registration.TypeName}'.");
        }

        byName.Add(registration.TypeName, registration);
        byType.Add(typeof(TMessage), registration);
    }

    /// <summary>True the first time a queue is listened to.</summary>
    public bool Listen(string queue) => queues.Add(queue);

    /// <summary>Marks a queue whose messages are deadlines (<see cref="QueuePriority"/>).</summary>
    public void MarkUrgent(string queue) => urgent.Add(queue);

    public bool IsUrgent(string queue) => urgent.Contains(queue);

    /// <summary>Marks a message type handled in the sending process when it can be (<see cref="InProcessDelivery"/>).</summary>
    public void MarkInProcess(Type messageType, string queue) => inProcess[messageType] = queue;

    /// <summary>True for a type marked in-process on its own queue, when this host listens to that queue.</summary>
    public bool IsInProcess(Type messageType, string queue) =>
        inProcess.TryGetValue(messageType, out var marked) && marked == queue && queues.Contains(queue);

    public MessageRegistration? Find(string typeName) => byName.GetValueOrDefault(typeName);

    public MessageRegistration Get(Type messageType) =>
        byType.GetValueOrDefault(messageType)
        ?? throw new InvalidOperationException($"Message type {messageType.FullName} is not registered: use AddMessageHandler or AddMessageType.");
}
