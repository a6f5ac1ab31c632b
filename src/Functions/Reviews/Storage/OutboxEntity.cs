using System.Text.Json;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>
/// Outbox rows: a message written with the state change that caused it, deleted once it is on its queue.
/// Messages are encoded by the runtime's registry of message types, the same one the queues use.
/// </summary>
internal sealed class OutboxEntity(MessageRegistry registry)
{
    public DynamicTableEntity Write(string reviewId, OutgoingMessage message, DateTimeOffset writtenAt)
    {
        var registration = registry.Get(message.Message.GetType());
        var entity = new DynamicTableEntity(reviewId, ReviewRows.Outbox(message.Message.MessageId))
        {
            Properties =
            {
                ["Queue"] = new EntityProperty(message.Queue),
                ["MessageType"] = new EntityProperty(registration.TypeName),
                ["Body"] = new EntityProperty(registration.Serialize(message.Message, MessageSerializer.Json).GetRawText()),
                ["WrittenAt"] = new EntityProperty(writtenAt),
            },
        };
        if (message.VisibleAt is { } visibleAt)
        {
            entity.Properties["VisibleAt"] = new EntityProperty(visibleAt);
        }

        return entity;
    }

    public static DateTimeOffset WrittenAt(DynamicTableEntity entity) =>
        entity.Properties.TryGetValue("WrittenAt", out var at) && at.DateTimeOffsetValue is { } value ? value : DateTimeOffset.MinValue;

    public OutgoingMessage Read(DynamicTableEntity entity)
    {
        var type = entity.Properties["MessageType"].StringValue;
        var registration = registry.Find(type) ?? throw new InvalidDataException($"Unknown message type {type} in the outbox");
        using var body = JsonDocument.Parse(entity.Properties["Body"].StringValue);
        var message = registration.Deserialize(body.RootElement, MessageSerializer.Json) ?? throw new InvalidDataException($"Empty {type} in the outbox");
        var visibleAt = entity.Properties.TryGetValue("VisibleAt", out var at) ? at.DateTimeOffsetValue : null;
        return new OutgoingMessage(entity.Properties["Queue"].StringValue, message, visibleAt);
    }
}
