using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.RiskEvents;

/// <summary>
/// <c>/api/v1/risk-events</c>: POST enqueues one event, an array, or an Okta event hook delivery
/// (<c>{"data": {"events": [...]}}</c>) on the <c>risk-events</c> queue (202 with the count); GET answers Okta's
/// one-time verification (<c>X-Okta-Verification-Challenge</c> → <c>{"verification": ...}</c>); <c>/{uuid}</c> is
/// what became of an event; <c>/failed</c> lists the events that could not be handled and
/// <c>/failed/{id}/replay</c> puts one back on the queue. SUPER_ADMIN, or an event hook's shared secret.
/// </summary>
internal static class RiskEventEndpoints
{
    public const string Path = "/api/v1/risk-events";
    public const string SenderPolicy = "RiskEventSender";
    public const int MaxEvents = 1000;

    public static void AddRiskEventSenderPolicy(this IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(SenderPolicy, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(Roles.SuperAdmin)
            || (context.Resource is HttpContext http && HasHookSecret(http, http.RequestServices.GetRequiredService<IOptions<RiskEventOptions>>().Value))));

    public static void MapRiskEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, EnqueueAsync).RequireAuthorization(SenderPolicy);
        app.MapGet(Path, Verify).RequireAuthorization(SenderPolicy);
        app.MapGet($"{Path}/failed", async (IRiskEventStore store, CancellationToken ct) => TypedResults.Ok(await store.ListFailedAsync(ct))).RequireAuthorization(Roles.AdminPolicy);
        app.MapPost($"{Path}/failed/{{id}}/replay", ReplayAsync).RequireAuthorization(Roles.AdminPolicy);
        app.MapGet($"{Path}/{{uuid}}", async (string uuid, IRiskEventStore store, CancellationToken ct) =>
            await store.OutcomeAsync(uuid, ct) ?? throw DomainException.NotFound($"risk event {uuid}")).RequireAuthorization(Roles.AdminPolicy);
    }

    private static async Task<Accepted<EnqueuedDto>> EnqueueAsync(HttpRequest request, IMessageSender sender, CancellationToken ct)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw DomainException.Validation("body", ViolationCode.Malformed, "must be JSON: an event, an array of events, or {\"data\": {\"events\": [...]}}");
        }

        var events = body switch
        {
            { ValueKind: JsonValueKind.Array } => body.EnumerateArray().ToList(),
            { ValueKind: JsonValueKind.Object } when body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray().ToList(),
            { ValueKind: JsonValueKind.Object } => [body],
            _ => throw DomainException.Validation("body", ViolationCode.Malformed, "must be an event, an array of events, or {\"data\": {\"events\": [...]}}"),
        };
        if (events.Count > MaxEvents)
        {
            throw DomainException.Validation("data.events", ViolationCode.TooMany, $"at most {MaxEvents} events per request");
        }

        // Each event goes as it came; the handler reads it, so a broken one is poisoned with its reason, not lost here.
        foreach (var e in events)
        {
            await sender.SendAsync(new OutgoingMessage(RiskEventReceived.Queue, RiskEventReceived.For(e)), ct);
        }

        return TypedResults.Accepted((string?)null, new EnqueuedDto(events.Count));
    }

    private static Ok<VerificationDto> Verify(HttpRequest request) =>
        request.Headers["X-Okta-Verification-Challenge"].ToString() is { Length: > 0 } challenge
            ? TypedResults.Ok(new VerificationDto(challenge))
            : throw DomainException.Validation("X-Okta-Verification-Challenge", ViolationCode.Required, "the verification challenge header is required");

    private static async Task<Accepted<EnqueuedDto>> ReplayAsync(string id, IRiskEventStore store, IMessageSender sender, TimeProvider clock, CancellationToken ct)
    {
        var failed = await store.FailedAsync(id, ct) ?? throw DomainException.NotFound($"failed risk event {id}");
        var replay = new RiskEventReceived($"{id}.replay{clock.GetUtcNow().UtcTicks}", failed.Body);
        await sender.SendAsync(new OutgoingMessage(RiskEventReceived.Queue, replay), ct);
        await store.DeleteFailedAsync(id, ct);
        return TypedResults.Accepted((string?)null, new EnqueuedDto(1));
    }

    private static bool HasHookSecret(HttpContext http, RiskEventOptions options) =>
        options.HookSecret is { Length: > 0 } secret
        && http.Request.Headers[options.HookHeader].ToString() is { Length: > 0 } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret));
}

internal sealed record EnqueuedDto(int Enqueued);

internal sealed record VerificationDto(string Verification);
