using System.Text.Json;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>What goes on the queue: the message id, its registered type name, and the body inline or in a payload blob.</summary>
internal sealed record MessageEnvelope(string Id, string Type, JsonElement? Body = null, string? Blob = null);

/// <summary>What goes on "&lt;queue&gt;-poison": the original envelope text and why it failed.</summary>
internal sealed record PoisonRecord(string? Message, string Error, DateTimeOffset FailedAt, int DequeueCount, string? MessageBlob = null);
