using AccessReviewFunctions.Functions.Runtime.Queues;
using System.Text.Json;

namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// Outbox rows: a message written with the state change that caused it, deleted once it is on its queue.
/// Messages are encoded by the runtime's registry of message types, the same one the queues use.
/// </summary>
internal sealed class OutboxRows(MessageRegistry registry)
{
    public Row Write(string partitionKey, OutgoingMessage message, DateTimeOffset writtenAt)
    {
        var registration = registry.Get(message.Message.GetType());
        return Row.Of(
            partitionKey,
            DurableRows.Outbox(message.Message.MessageId),
            ("Queue", message.Queue),
            ("MessageType", registration.TypeName),
            ("Body", registration.Serialize(message.Message, MessageSerializer.Json).GetRawText()),
            ("WrittenAt", writtenAt),
            ("VisibleAt", message.VisibleAt));
    }

    public static DateTimeOffset WrittenAt(Row row) => row.Time("WrittenAt") ?? DateTimeOffset.MinValue;

    public OutgoingMessage Read(Row row)
    {
        var type = row.Text("MessageType") ?? throw new InvalidDataException($"Outbox row {row.RowKey} has no message type");
        var registration = registry.Find(type) ?? throw new InvalidDataException($"Unknown message type {type} in the outbox");
        using var body = JsonDocument.Parse(row.Text("Body") ?? "null");
        var message = registration.Deserialize(body.RootElement, MessageSerializer.Json) ?? throw new InvalidDataException($"Empty {type} in the outbox");
        return new OutgoingMessage(row.Text("Queue")!, message, row.Time("VisibleAt"));
    }
}
