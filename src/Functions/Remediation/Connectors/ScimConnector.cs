using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AccessReviewFunctions.Functions.Remediation.Connectors;

/// <summary>
/// A SCIM 2.0 client (RFC 7644) for group memberships: a revoke removes the principal from each group it covers with
/// <c>PATCH /Groups/{id}</c> (<c>op: remove</c>, <c>path: members[value eq "…"]</c>) and reads the group back; a restore
/// adds back the memberships this review removed. The SCIM user id is the principal's id; bearer-token auth.
/// A membership already gone is "already removed"; a group still listing the member after the PATCH is "not removed".
/// </summary>
internal sealed class ScimConnector(IHttpClientFactory http, IOptions<RemediationOptions> options) : IRemediationConnector
{
    public const string ClientName = "remediation-scim";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public string Name => "scim";

    public async Task<RemediationOutcome> ApplyAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return request.Kind switch
            {
                RemediationKind.LOGOUT => await DeactivateAsync(request.PrincipalId, cancellationToken),
                RemediationKind.REVOKE => await RevokeAsync(request, cancellationToken),
                _ => await RestoreAsync(request, cancellationToken),
            };
        }
        catch (TimeoutRejectedException)
        {
            return RemediationOutcome.Transient($"timed out after {options.Value.Scim.Timeout}");
        }
        catch (HttpRequestException e)
        {
            return RemediationOutcome.Transient(e.Message);
        }
        catch (ScimException e)
        {
            return e.Outcome;
        }
    }

    private async Task<RemediationOutcome> RevokeAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var group in request.GroupIds)
        {
            if (!await IsMemberAsync(group, request.PrincipalId, cancellationToken))
            {
                continue;
            }

            await PatchAsync(group, "remove", request.PrincipalId, cancellationToken);
            if (await IsMemberAsync(group, request.PrincipalId, cancellationToken))
            {
                return RemediationOutcome.Permanent("not removed");
            }

            removed.Add(group);
        }

        return removed.Count == 0
            ? RemediationOutcome.Succeeded("already removed")
            : RemediationOutcome.Succeeded("removed", new RemovedAccess(request.AppId, false, null, null, removed, [], []));
    }

    /// <summary>UNIVERSAL_LOGOUT suspends the user when Scim:DeactivateOnLogout is on: PATCH active false, then a read-back.</summary>
    private async Task<RemediationOutcome> DeactivateAsync(string userId, CancellationToken cancellationToken)
    {
        if (!options.Value.Scim.DeactivateOnLogout)
        {
            return RemediationOutcome.Succeeded("nothing to do: Remediation:Scim:DeactivateOnLogout is off");
        }

        var user = new Uri($"Users/{Uri.EscapeDataString(userId)}", UriKind.Relative);
        if (!await IsActiveAsync(user, cancellationToken))
        {
            return RemediationOutcome.Succeeded("already deactivated");
        }

        await SendPatchAsync(user, new { op = "replace", value = new { active = false } }, cancellationToken);
        return await IsActiveAsync(user, cancellationToken) ? RemediationOutcome.Permanent("not deactivated") : RemediationOutcome.Succeeded("deactivated");
    }

    private async Task<bool> IsActiveAsync(Uri user, CancellationToken cancellationToken)
    {
        using var response = await Client().GetAsync(user, cancellationToken);
        await EnsureAsync(response);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return !json.RootElement.TryGetProperty("active", out var active) || active.ValueKind != JsonValueKind.False;
    }

    private async Task<RemediationOutcome> RestoreAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        var groups = request.RestoreOrder.SelectMany(r => r.GroupIds).ToList();
        foreach (var group in groups)
        {
            await PatchAsync(group, "add", request.PrincipalId, cancellationToken);
        }

        return RemediationOutcome.Succeeded(groups.Count == 0 ? "nothing to restore" : "restored");
    }

    private async Task<bool> IsMemberAsync(string groupId, string userId, CancellationToken cancellationToken)
    {
        using var response = await Client().GetAsync(new Uri($"Groups/{Uri.EscapeDataString(groupId)}?attributes=members", UriKind.Relative), cancellationToken);
        await EnsureAsync(response);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
            && members.EnumerateArray().Any(m => m.TryGetProperty("value", out var v) && v.GetString() == userId);
    }

    private async Task PatchAsync(string groupId, string op, string userId, CancellationToken cancellationToken)
    {
        object operation = op == "remove"
            ? new { op, path = $"members[value eq \"{userId}\"]" }
            : new { op, path = "members", value = new[] { new { value = userId } } };
        await SendPatchAsync(new Uri($"Groups/{Uri.EscapeDataString(groupId)}", UriKind.Relative), operation, cancellationToken);
    }

    private async Task SendPatchAsync(Uri resource, object operation, CancellationToken cancellationToken)
    {
        // RFC 7644 spells it "Operations": the default options keep the names as written.
        using var content = JsonContent.Create(new { schemas = new[] { PatchOp }, Operations = new[] { operation } }, new MediaTypeHeaderValue("application/scim+json"), JsonSerializerOptions.Default);
        using var response = await Client().PatchAsync(resource, content, cancellationToken);
        await EnsureAsync(response);
    }

    private HttpClient Client()
    {
        var settings = options.Value.Scim;
        var client = http.CreateClient(ClientName);
        var baseUrl = settings.BaseUrl ?? throw new InvalidOperationException("Remediation:Scim:BaseUrl is not set");
        client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        return client;
    }

    private static Task EnsureAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var kind = RemediationOutcome.Classify(status);
        if (kind == OutcomeKind.Succeeded)
        {
            return Task.CompletedTask;
        }

        var reason = $"SCIM {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {status} {response.ReasonPhrase}";
        throw new ScimException(kind == OutcomeKind.Transient
            ? RemediationOutcome.Transient(reason, response.Headers.RetryAfter?.Delta)
            : RemediationOutcome.Permanent(response.StatusCode == HttpStatusCode.NotFound ? $"{reason} (no such group or user)" : reason));
    }

    private sealed class ScimException(RemediationOutcome outcome) : Exception(outcome.Reason)
    {
        public RemediationOutcome Outcome { get; } = outcome;
    }
}
