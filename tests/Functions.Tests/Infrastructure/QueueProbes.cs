using System.Text.Json;
using Azure.Storage.Queues;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>What a test looks at on a queue directly: how many messages it holds, and the first one's text.</summary>
internal static class QueueProbes
{
    public static async Task<int> ApproximateCountAsync(this QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>The first visible message as JSON, or null when the queue is missing or empty.</summary>
    public static async Task<JsonElement?> PeekJsonAsync(this QueueClient queue)
    {
        if (!await queue.ExistsAsync())
        {
            return null;
        }

        var message = (await queue.PeekMessageAsync()).Value;
        return message is null ? null : JsonDocument.Parse(message.Body.ToString()).RootElement.Clone();
    }
}
