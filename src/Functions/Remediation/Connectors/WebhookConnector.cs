using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AccessReviewFunctions.Functions.Remediation.Connectors;

/// <summary>
/// POSTs a JSON remediation request to the configured URL, signed (<see cref="WebhookSignature"/>), with the
/// idempotency key in a header. 2xx succeeded; a 202 with <c>{"status":"PENDING"}</c> was accepted and waits for
/// <c>POST /api/v1/remediations/{id}/status</c>; 408, 429 (its Retry-After honoured), 5xx and timeouts are transient;
/// any other status is permanent. Per-attempt timeouts and connection handling come from the named HttpClient's
/// resilience handler; retries are the work items' own, durable ones.
/// </summary>
internal sealed class WebhookConnector(IHttpClientFactory http, IOptions<RemediationOptions> options, TimeProvider clock) : IRemediationConnector
{
    public const string ClientName = "remediation-webhook";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string Name => "webhook";

    public async Task<RemediationOutcome> ApplyAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value.Webhook;
        var url = settings.Url ?? throw new InvalidOperationException("Remediation:Webhook:Url is not set");
        var body = JsonSerializer.Serialize(
            new
            {
                id = request.RemediationId, request.ReviewId, request.PrincipalId, request.AppId, action = request.Kind, request.ResourceType, request.ResourceId,
                removed = request.Kind == RemediationKind.RESTORE ? request.RestoreOrder.ToList() : null,
            },
            Json);
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add(WebhookSignature.IdempotencyHeader, request.IdempotencyKey);
        message.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(settings.Secret ?? string.Empty, clock.GetUtcNow(), body));
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(message, cancellationToken);
            return await OutcomeAsync(response, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return RemediationOutcome.Transient($"timed out after {settings.Timeout}");
        }
        catch (HttpRequestException e)
        {
            return RemediationOutcome.Transient(e.Message);
        }
    }

    private static async Task<RemediationOutcome> OutcomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var reason = $"{status} {response.ReasonPhrase}".Trim();
        switch (RemediationOutcome.Classify(status))
        {
            case OutcomeKind.Succeeded when response.StatusCode == HttpStatusCode.Accepted && await IsPendingAsync(response, cancellationToken):
                return RemediationOutcome.Accepted("accepted; waiting for the status report");
            case OutcomeKind.Succeeded:
                return RemediationOutcome.Succeeded($"webhook answered {reason}");
            case OutcomeKind.Transient:
                return RemediationOutcome.Transient(reason, RetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow));
            default:
                return RemediationOutcome.Permanent(reason);
        }
    }

    private static async Task<bool> IsPendingAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("status", out var s) && s.GetString() == "PENDING";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) =>
        header?.Delta ?? (header?.Date is { } date ? date - now : null);
}
