using AccessReviewFunctions.Domain.Errors;
using System.Text.RegularExpressions;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>
/// Checks an inventory document before anything is stored. Every problem is reported, each naming its JSON path,
/// e.g. <c>grants[3].appId: unknown application 0oa999</c>. References resolve against the document itself and
/// against the ids already stored (looked up first through <see cref="UnresolvedReferences"/>).
/// </summary>
public static partial class InventoryValidator
{
    /// <summary>The ids the document refers to without defining them, to be looked up in storage.</summary>
    public static InventoryReferences UnresolvedReferences(InventoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = document.WithCollections();
        var users = doc.Users.Where(u => u?.Id is not null).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var apps = doc.Applications.Where(a => a?.Id is not null).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var groups = doc.Groups.Where(g => g?.Id is not null).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var values = doc.Entitlements.Where(e => e?.Values is not null).SelectMany(e => e.Values)
            .Where(v => v?.Id is not null).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var bundles = doc.Bundles.Where(b => b?.Id is not null).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);

        var userRefs = new HashSet<string>(StringComparer.Ordinal);
        var appRefs = new HashSet<string>(StringComparer.Ordinal);
        var groupRefs = new HashSet<AppResourceRef>();
        var valueRefs = new HashSet<AppResourceRef>();
        var bundleRefs = new HashSet<AppResourceRef>();
        var resourceRefs = new HashSet<string>(StringComparer.Ordinal);

        void User(string? id)
        {
            if (!string.IsNullOrWhiteSpace(id) && !users.Contains(id))
            {
                userRefs.Add(id);
            }
        }

        void App(string? id)
        {
            if (!string.IsNullOrWhiteSpace(id) && !apps.Contains(id))
            {
                appRefs.Add(id);
            }
        }

        static void Scoped(HashSet<AppResourceRef> into, HashSet<string> defined, string? appId, IEnumerable<string?>? ids)
        {
            if (string.IsNullOrWhiteSpace(appId))
            {
                return;
            }

            foreach (var id in ids ?? [])
            {
                if (!string.IsNullOrWhiteSpace(id) && !defined.Contains(id))
                {
                    into.Add(new AppResourceRef(appId, id));
                }
            }
        }

        foreach (var user in doc.Users.OfType<InventoryUser>())
        {
            User(user.ManagerId);
        }

        foreach (var appId in doc.Groups.OfType<AppGroup>().Select(g => g.AppId)
            .Concat(doc.Entitlements.OfType<Entitlement>().Select(e => e.AppId))
            .Concat(doc.Bundles.OfType<EntitlementBundle>().Select(b => b.AppId)))
        {
            App(appId);
        }

        foreach (var bundle in doc.Bundles.OfType<EntitlementBundle>())
        {
            Scoped(valueRefs, values, bundle.AppId, bundle.EntitlementValueIds);
        }

        foreach (var grant in doc.Grants.OfType<Grant>())
        {
            User(grant.PrincipalId);
            App(grant.AppId);
            Scoped(groupRefs, groups, grant.AppId, grant.GroupIds);
            Scoped(valueRefs, values, grant.AppId, grant.EntitlementValueIds);
            Scoped(bundleRefs, bundles, grant.AppId, grant.BundleIds);
        }

        foreach (var rule in doc.SodRules.OfType<SodRule>())
        {
            foreach (var id in new[] { rule.ResourceIdA, rule.ResourceIdB })
            {
                if (!string.IsNullOrWhiteSpace(id) && !apps.Contains(id) && !groups.Contains(id) && !values.Contains(id))
                {
                    resourceRefs.Add(id);
                }
            }
        }

        var servers = doc.Servers!.Where(s => s?.Id is not null).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var serverRefs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var access in doc.ServerAccesses!.OfType<ServerAccess>())
        {
            User(access.UserId);
            if (!string.IsNullOrWhiteSpace(access.ServerId) && !servers.Contains(access.ServerId))
            {
                serverRefs.Add(access.ServerId);
            }
        }

        return new InventoryReferences(userRefs, appRefs, groupRefs, valueRefs, bundleRefs, resourceRefs, serverRefs);
    }

    /// <summary>Every problem of the document; empty when it may be stored.</summary>
    public static IReadOnlyList<Violation> Validate(InventoryDocument document, StoredInventoryIds stored)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new InventoryChecks(document.WithCollections(), stored).Run();
    }

    /// <summary>Whether the id is well-formed: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    internal static partial Regex IdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    internal static partial Regex EmailPattern();
}
