using AccessReviewFunctions.Domain.Reviews.Remediation;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Remediation.Connectors;

/// <summary>
/// Carries out one downstream change. Implementations classify what happened (<see cref="RemediationOutcome"/>), treat
/// access already gone as succeeded ("already removed"), read a revoked target back and report access still present
/// as a permanent failure ("not removed"), and pass <see cref="RemediationRequest.IdempotencyKey"/> on, so a repeated
/// call (a redelivered work item) changes nothing twice.
/// </summary>
internal interface IRemediationConnector
{
    /// <summary>The name configuration picks it by (Remediation:DefaultConnector, Remediation:Applications:{appId}).</summary>
    string Name { get; }

    Task<RemediationOutcome> ApplyAsync(RemediationRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// One change: a LOGOUT of the principal (ResourceType USER, no app: the default connector's), or revoke the principal's grant of an app (ResourceType APPLICATION, with its groups, entitlement
/// values and bundles) or one part of it; or restore what <see cref="Removed"/> lists, in reverse order. GroupIds are
/// the groups the change covers (all of the app's the principal held at the snapshot, or the one group).
/// </summary>
internal sealed record RemediationRequest(
    string RemediationId,
    string IdempotencyKey,
    string ReviewId,
    string PrincipalId,
    string AppId,
    RemediationKind Kind,
    string ResourceType,
    string ResourceId,
    IReadOnlyList<RemovedAccess> Removed,
    IReadOnlyList<string> GroupIds)
{
    public const string Application = "APPLICATION";

    public const string User = "USER";

    /// <summary>What a restore puts back, the latest removal first.</summary>
    public IEnumerable<RemovedAccess> RestoreOrder => Removed.OrderByDescending(r => r.Sequence);
}

/// <summary>Which connector serves an application: its own from configuration, or the default.</summary>
internal sealed class RemediationConnectors(IEnumerable<IRemediationConnector> connectors, IOptions<RemediationOptions> options)
{
    private readonly Dictionary<string, IRemediationConnector> byName = connectors.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public IRemediationConnector For(string appId)
    {
        var name = options.Value.ConnectorFor(appId);
        return byName.TryGetValue(name, out var connector)
            ? connector
            : throw new InvalidOperationException($"No remediation connector named '{name}' (for application {appId}); known: {string.Join(", ", byName.Keys)}");
    }
}
