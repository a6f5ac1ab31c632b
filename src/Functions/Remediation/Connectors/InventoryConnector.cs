using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Remediation.Connectors;

/// <summary>
/// Applies changes to the service's own access inventory, so a later review of the same principal no longer sees a
/// revoked grant. Removing what is gone and adding what is there are no-ops, which makes every call idempotent.
/// </summary>
internal sealed class InventoryConnector(IGrantStore grants) : IRemediationConnector
{
    public string Name => "inventory";

    public async Task<RemediationOutcome> ApplyAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind switch
        {
            // The inventory holds no sessions: the logout's record is its remediation and System Log entry.
            RemediationKind.LOGOUT => RemediationOutcome.Succeeded("logout recorded"),
            RemediationKind.REVOKE => await RevokeAsync(request, cancellationToken),
            _ => await RestoreAsync(request, cancellationToken),
        };
    }

    private async Task<RemediationOutcome> RevokeAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        var grant = await grants.GetGrantAsync(request.PrincipalId, request.AppId, cancellationToken);
        var whole = request.ResourceType == RemediationRequest.Application;
        if (grant is null || (!whole && !Holds(grant, request.ResourceId)))
        {
            return RemediationOutcome.Succeeded("already removed");
        }

        RemovedAccess removed;
        if (whole)
        {
            await grants.DeleteGrantAsync(request.PrincipalId, request.AppId, cancellationToken);
            removed = new RemovedAccess(grant.AppId, true, grant.AssignmentType.ToString(), grant.AssignedDate, grant.GroupIds, grant.EntitlementValueIds, grant.BundleIds);
        }
        else
        {
            await grants.PutGrantAsync(Without(grant, request.ResourceId), cancellationToken);
            removed = Part(grant, request.ResourceId);
        }

        var after = await grants.GetGrantAsync(request.PrincipalId, request.AppId, cancellationToken);
        var stillThere = after is not null && (whole || Holds(after, request.ResourceId));
        return stillThere ? RemediationOutcome.Permanent("not removed") : RemediationOutcome.Succeeded("removed", removed);
    }

    private async Task<RemediationOutcome> RestoreAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        if (request.Removed.Count == 0)
        {
            return RemediationOutcome.Succeeded("nothing to restore");
        }

        foreach (var removed in request.RestoreOrder)
        {
            var grant = await grants.GetGrantAsync(request.PrincipalId, removed.AppId, cancellationToken);
            if (grant is null && !removed.WholeGrant)
            {
                return RemediationOutcome.Permanent($"the principal holds no grant of {removed.AppId} to restore a part of");
            }

            await grants.PutGrantAsync(With(grant ?? Empty(request.PrincipalId, removed), removed), cancellationToken);
        }

        return RemediationOutcome.Succeeded("restored");
    }

    private static bool Holds(Grant grant, string resourceId) =>
        grant.GroupIds.Contains(resourceId) || grant.EntitlementValueIds.Contains(resourceId) || grant.BundleIds.Contains(resourceId);

    private static Grant Without(Grant grant, string id) => grant with
    {
        GroupIds = [.. grant.GroupIds.Where(g => g != id)],
        EntitlementValueIds = [.. grant.EntitlementValueIds.Where(v => v != id)],
        BundleIds = [.. grant.BundleIds.Where(b => b != id)],
    };

    private static RemovedAccess Part(Grant grant, string id) => new(
        grant.AppId, false, null, null,
        grant.GroupIds.Contains(id) ? [id] : [], grant.EntitlementValueIds.Contains(id) ? [id] : [], grant.BundleIds.Contains(id) ? [id] : []);

    private static Grant Empty(string principalId, RemovedAccess removed) => new(
        principalId, removed.AppId, Enum.TryParse<AssignmentType>(removed.AssignmentType, out var type) ? type : AssignmentType.INDIVIDUAL,
        removed.AssignedDate ?? default, [], [], [], null, 0);

    private static Grant With(Grant grant, RemovedAccess removed) => grant with
    {
        GroupIds = [.. grant.GroupIds.Union(removed.GroupIds, StringComparer.Ordinal)],
        EntitlementValueIds = [.. grant.EntitlementValueIds.Union(removed.EntitlementValueIds, StringComparer.Ordinal)],
        BundleIds = [.. grant.BundleIds.Union(removed.BundleIds, StringComparer.Ordinal)],
    };
}
