using System.Text;
using System.Text.Json;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>Typed messages to and from envelope text; bodies over the queue limit go through the payload store.</summary>
internal sealed class MessageSerializer(MessageRegistry registry, IPayloadStore payloads)
{
    /// <summary>Queue messages are base64 encoded: 64 KB on the wire is 48 KB of text; keep a margin for the envelope.</summary>
    public const int MaxInlineBytes = 47 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> SerializeAsync(IWorkflowMessage message, CancellationToken cancellationToken)
    {
        var registration = registry.Get(message.GetType());
        var body = registration.Serialize(message, Json);
        var inline = JsonSerializer.Serialize(new MessageEnvelope(message.MessageId, registration.TypeName, body), Json);
        if (Encoding.UTF8.GetByteCount(inline) <= MaxInlineBytes)
        {
            return inline;
        }

        var blob = await payloads.WriteAsync(registration.TypeName.ToLowerInvariant(), body.GetRawText(), cancellationToken);
        return JsonSerializer.Serialize(new MessageEnvelope(message.MessageId, registration.TypeName, Blob: blob), Json);
    }

    /// <summary>Reads the envelope; a message that is not one, or is of an unknown type, is a <see cref="PoisonMessageException"/>.</summary>
    public async Task<DecodedMessage> DeserializeAsync(string text, CancellationToken cancellationToken)
    {
        MessageEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<MessageEnvelope>(text, Json);
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"Not a message envelope: {e.Message}", e);
        }

        if (envelope is null || string.IsNullOrEmpty(envelope.Type) || string.IsNullOrEmpty(envelope.Id))
        {
            throw new PoisonMessageException("Not a message envelope: id or type missing.");
        }

        var registration = registry.Find(envelope.Type) ?? throw new PoisonMessageException($"Unknown message type '{envelope.Type}'.");
        JsonElement body;
        if (envelope.Blob is not null)
        {
            body = Parse(await payloads.ReadAsync(envelope.Blob, cancellationToken));
        }
        else
        {
            body = envelope.Body ?? throw new PoisonMessageException("Message envelope has neither body nor blob.");
        }

        try
        {
            var message = registration.Deserialize(body, Json) ?? throw new PoisonMessageException($"Message body of type '{envelope.Type}' is null.");
            return new DecodedMessage(registration, message, envelope.Blob);
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"Message body does not fit type '{envelope.Type}': {e.Message}", e);
        }
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"Payload blob is not JSON: {e.Message}", e);
        }
    }
}

internal sealed record DecodedMessage(MessageRegistration Registration, IWorkflowMessage Message, string? Blob);
