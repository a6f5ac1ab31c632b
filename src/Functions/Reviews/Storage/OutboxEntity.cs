using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>An outbox row: a message written with the state change that caused it, deleted once it is on its queue.</summary>
internal static class OutboxEntity
{
    public static DynamicTableEntity Write(string reviewId, OutgoingMessage message, DateTimeOffset writtenAt)
    {
        var (type, body) = ReviewMessageCodec.Encode(message.Message);
        var entity = new DynamicTableEntity(reviewId, ReviewRows.Outbox(message.Message.MessageId))
        {
            Properties =
            {
                ["Queue"] = new EntityProperty(message.Queue),
                ["MessageType"] = new EntityProperty(type),
                ["Body"] = new EntityProperty(body),
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

    public static OutgoingMessage Read(DynamicTableEntity entity)
    {
        var message = ReviewMessageCodec.Decode(entity.Properties["MessageType"].StringValue, entity.Properties["Body"].StringValue);
        var visibleAt = entity.Properties.TryGetValue("VisibleAt", out var at) ? at.DateTimeOffsetValue : null;
        return new OutgoingMessage(entity.Properties["Queue"].StringValue, message, visibleAt);
    }
}
