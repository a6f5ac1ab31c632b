using System.Text.Json;
using AccessReviewFunctions.Functions.Reviews.Storage;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>Encodes the review workflow's messages for the outbox rows, by a closed list of known types.</summary>
internal static class ReviewMessageCodec
{
    private static readonly Dictionary<string, Type> Types = new[] { typeof(GatherAccess), typeof(ReviewEndTimer) }
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static (string Type, string Body) Encode(IWorkflowMessage message)
    {
        var type = message.GetType();
        if (!Types.ContainsKey(type.Name))
        {
            throw new InvalidOperationException($"{type.Name} is not a review workflow message");
        }

        return (type.Name, JsonSerializer.Serialize(message, type, ReviewJson.Options));
    }

    public static IWorkflowMessage Decode(string type, string body) =>
        Types.TryGetValue(type, out var clrType)
            ? (IWorkflowMessage)(JsonSerializer.Deserialize(body, clrType, ReviewJson.Options) ?? throw new InvalidDataException($"Empty {type} in the outbox"))
            : throw new InvalidDataException($"Unknown message type {type} in the outbox");
}
