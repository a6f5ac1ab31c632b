using System.Collections.Concurrent;
using System.Text.Json;
using AccessReviewFunctions.Functions.Remediation.Connectors;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccessReviewFunctions.Faults;

/// <summary>
/// The remediation webhook on loopback: it applies a change once per idempotency key (a repeat with the same key is
/// at-least-once delivery it dedups) and remembers, per change (review, principal, app, action, resource), the keys
/// it came under: one key per change is exactly once; two keys is the same change applied twice.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> callsPerKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> keysPerChange = new(StringComparer.Ordinal);
    private LoopbackServer? server;

    public Uri Url => new(server!.Url, "hook");

    /// <summary>Distinct idempotency keys: the changes applied.</summary>
    public int Applied => callsPerKey.Count;

    /// <summary>Calls that repeated a key already applied.</summary>
    public int Repeats => callsPerKey.Values.Sum() - callsPerKey.Count;

    public static async Task<Receiver> StartAsync()
    {
        var receiver = new Receiver();
        receiver.server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", receiver.HandleAsync));
        return receiver;
    }

    /// <summary>The keys each change of <paramref name="reviewId"/> came under, by "appId action".</summary>
    public IReadOnlyDictionary<string, int> KeysPerChange(string reviewId) =>
        keysPerChange.Where(c => c.Key.StartsWith(reviewId + " ", StringComparison.Ordinal))
            .ToDictionary(c => c.Key[(reviewId.Length + 1)..], c => c.Value.Count, StringComparer.Ordinal);

    /// <summary>The idempotency keys of <paramref name="reviewId"/>'s changes ("{reviewId}:{targetId}:{kind}:{generation}").</summary>
    public IReadOnlyList<string> KeysOf(string reviewId) => [.. callsPerKey.Keys.Where(k => k.StartsWith(reviewId + ":", StringComparison.Ordinal))];

    public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var json = JsonDocument.Parse(await LoopbackServer.BodyAsync(request));
        var body = json.RootElement;
        string Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "-";
        var key = request.Headers[WebhookSignature.IdempotencyHeader].ToString();
        var change = $"{Text("reviewId")} {Text("principalId")}/{Text("appId")}/{Text("resourceType")}/{Text("resourceId")} {Text("action")}";
        await Task.Delay(5);
        keysPerChange.GetOrAdd(change, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(key, 0);
        callsPerKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        return Results.Ok();
    }
}
