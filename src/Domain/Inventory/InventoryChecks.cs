using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>One validation run: collects the problems of one document.</summary>
internal sealed partial class InventoryChecks(InventoryDocument doc, StoredInventoryIds stored)
{
    private readonly List<Violation> problems = [];
    private readonly Dictionary<string, string> appOfGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> appOfValue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> appOfBundle = new(StringComparer.Ordinal);
    private readonly HashSet<string> redefinedEntitlements = new(StringComparer.Ordinal);
    private HashSet<string> userIds = [];
    private HashSet<string> appIds = [];
    private HashSet<string> groupIds = [];
    private readonly HashSet<string> valueIds = new(StringComparer.Ordinal);

    public IReadOnlyList<Violation> Run()
    {
        userIds = Index(doc.Users, "users", u => u.Id, "id");
        appIds = Index(doc.Applications, "applications", a => a.Id, "id");
        Unique(doc.Users, "users", u => u.Login, "login", StringComparer.OrdinalIgnoreCase);
        groupIds = Collect(doc.Groups, appOfGroup, "groups", g => g.Id, g => g.AppId);
        Collect(doc.Bundles, appOfBundle, "bundles", b => b.Id, b => b.AppId);
        Index(doc.Entitlements, "entitlements", e => e.Id, "id");
        CollectValues();

        Each(doc.Users, "users", CheckUser);
        Each(doc.Applications, "applications", CheckApplication);
        Each(doc.Groups, "groups", (g, p) => CheckScoped(p, g.AppId, g.Name));
        Each(doc.Entitlements, "entitlements", CheckEntitlement);
        Each(doc.Bundles, "bundles", CheckBundle);
        Each(doc.Grants, "grants", CheckGrant);
        Unique(doc.Grants, "grants", g => g.PrincipalId is null || g.AppId is null ? null : $"{g.PrincipalId} / {g.AppId}", "principalId/appId");
        Index(doc.SodRules, "sodRules", r => r.Id, "id");
        Each(doc.SodRules, "sodRules", CheckSodRule);
        CheckServers();
        return problems;
    }

    private void CheckUser(InventoryUser user, string path)
    {
        Required(path, "login", user.Login);
        if (Required(path, "email", user.Email) && !InventoryValidator.EmailPattern().IsMatch(user.Email))
        {
            Problem($"{path}.email: not a valid email address: {user.Email}");
        }

        Required(path, "firstName", user.FirstName);
        Required(path, "lastName", user.LastName);
        Defined(path, "status", user.Status);
        if (user.Created == default)
        {
            Problem($"{path}.created: required");
        }

        if (user.ManagerId is not null && !KnownUser(user.ManagerId))
        {
            Problem($"{path}.managerId: unknown user {user.ManagerId}");
        }

        NoBlankEntries(path, "adminRoles", user.AdminRoles);
    }

    private void CheckApplication(Application app, string path)
    {
        Required(path, "name", app.Name);
        Required(path, "label", app.Label);
        NoBlankEntries(path, "governanceLabels", app.GovernanceLabels);
        if (app.LogoUrl is { } logo && (!logo.IsAbsoluteUri || logo.Scheme is not ("https" or "http")))
        {
            Problem($"{path}.logoUrl: must be an absolute http or https URL");
        }
    }

    private void CheckEntitlement(Entitlement entitlement, string path)
    {
        CheckScoped(path, entitlement.AppId, entitlement.Name);
        for (var i = 0; i < (entitlement.Values?.Count ?? 0); i++)
        {
            var value = entitlement.Values![i];
            var valuePath = $"{path}.values[{i}]";
            if (value is null)
            {
                Problem($"{valuePath}: must not be null");
                continue;
            }

            Id(valuePath, value.Id);
            Required(valuePath, "name", value.Name);
        }
    }

    private void CheckBundle(EntitlementBundle bundle, string path)
    {
        CheckScoped(path, bundle.AppId, bundle.Name);
        Members(path, "entitlementValueIds", bundle.AppId, bundle.EntitlementValueIds, "entitlement value", appOfValue, StoredValue);
    }

    private void CheckGrant(Grant grant, string path)
    {
        if (Required(path, "principalId", grant.PrincipalId) && !KnownUser(grant.PrincipalId))
        {
            Problem($"{path}.principalId: unknown user {grant.PrincipalId}");
        }

        var appKnown = Required(path, "appId", grant.AppId) && KnownApp(path, grant.AppId);
        Defined(path, "assignmentType", grant.AssignmentType);
        if (grant.AssignedDate == default)
        {
            Problem($"{path}.assignedDate: required");
        }

        if (grant.AccessCount90Days < 0)
        {
            Problem($"{path}.accessCount90Days: must be 0 or more");
        }

        var appId = appKnown ? grant.AppId : null;
        Members(path, "groupIds", appId, grant.GroupIds, "group", appOfGroup, r => stored.Groups.Contains(r));
        Members(path, "entitlementValueIds", appId, grant.EntitlementValueIds, "entitlement value", appOfValue, StoredValue);
        Members(path, "bundleIds", appId, grant.BundleIds, "bundle", appOfBundle, r => stored.Bundles.Contains(r));
    }

    private void CheckSodRule(SodRule rule, string path)
    {
        Required(path, "name", rule.Name);
        var hasA = Required(path, "resourceIdA", rule.ResourceIdA);
        if (hasA)
        {
            KnownResource(path, "resourceIdA", rule.ResourceIdA!);
        }

        if (Required(path, "resourceIdB", rule.ResourceIdB))
        {
            if (hasA && string.Equals(rule.ResourceIdA, rule.ResourceIdB, StringComparison.Ordinal))
            {
                Problem($"{path}.resourceIdB: must differ from resourceIdA {rule.ResourceIdA}");
            }
            else
            {
                KnownResource(path, "resourceIdB", rule.ResourceIdB);
            }
        }

        if (rule.Severity is not (Severity.LOW or Severity.MEDIUM or Severity.HIGH))
        {
            Problem($"{path}.severity: must be one of LOW, MEDIUM, HIGH");
        }
    }

    /// <summary>Whether an unscoped id names an application, group or entitlement value of the document or of storage.</summary>
    private void KnownResource(string path, string field, string id)
    {
        var known = appIds.Contains(id) || groupIds.Contains(id) || valueIds.Contains(id)
            || (stored.Resources.TryGetValue(id, out var entitlements) && (entitlements.Count == 0 || entitlements.Any(e => !redefinedEntitlements.Contains(e))));
        if (!known)
        {
            Problem($"{path}.{field}: unknown application, group or entitlement value {id}");
        }
    }

    private void CheckScoped(string path, string? appId, string? name)
    {
        if (Required(path, "appId", appId))
        {
            KnownApp(path, appId);
        }

        Required(path, "name", name);
    }

    private void Members(string path, string field, string? appId, IReadOnlyList<string>? ids, string kind, Dictionary<string, string> inDocument, Func<AppResourceRef, bool> isStored)
    {
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            var id = ids![i];
            var itemPath = $"{path}.{field}[{i}]";
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem($"{itemPath}: required");
            }
            else if (appId is null)
            {
                continue;
            }
            else if (inDocument.TryGetValue(id, out var owner))
            {
                if (owner != appId)
                {
                    Problem($"{itemPath}: {kind} {id} belongs to application {owner}, not {appId}");
                }
            }
            else if (!isStored(new AppResourceRef(appId, id)))
            {
                Problem($"{itemPath}: unknown {kind} {id} of application {appId}");
            }
        }
    }

    private bool StoredValue(AppResourceRef value) =>
        stored.EntitlementValues.TryGetValue(value, out var entitlementId) && !redefinedEntitlements.Contains(entitlementId);

    private bool KnownUser(string id) => userIds.Contains(id) || stored.UserIds.Contains(id);

    private bool KnownApp(string path, string appId)
    {
        if (appIds.Contains(appId) || stored.AppIds.Contains(appId))
        {
            return true;
        }

        Problem($"{path}.appId: unknown application {appId}");
        return false;
    }

    private void CollectValues()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Entitlements.Count; i++)
        {
            var entitlement = doc.Entitlements[i];
            if (entitlement is null)
            {
                continue;
            }

            if (entitlement.Id is not null)
            {
                redefinedEntitlements.Add(entitlement.Id);
            }

            for (var j = 0; j < (entitlement.Values?.Count ?? 0); j++)
            {
                var id = entitlement.Values![j]?.Id;
                var path = $"entitlements[{i}].values[{j}]";
                if (string.IsNullOrWhiteSpace(id))
                {
                    continue;
                }

                valueIds.Add(id);
                if (!seen.TryAdd(id, path))
                {
                    Problem($"{path}.id: duplicate id {id} (also {seen[id]})");
                }
                else if (!string.IsNullOrWhiteSpace(entitlement.AppId))
                {
                    appOfValue[id] = entitlement.AppId;
                }
            }
        }
    }

    private HashSet<string> Collect<T>(IReadOnlyList<T> items, Dictionary<string, string> into, string name, Func<T, string?> id, Func<T, string?> appId)
        where T : class
    {
        var ids = Index(items, name, id, "id");
        foreach (var item in items.OfType<T>())
        {
            if (id(item) is { } key && appId(item) is { } app && !string.IsNullOrWhiteSpace(app))
            {
                into.TryAdd(key, app);
            }
        }

        return ids;
    }

    /// <summary>Checks each item's id (required, well-formed, unique) and returns the set of ids.</summary>
    private HashSet<string> Index<T>(IReadOnlyList<T> items, string name, Func<T, string?> id, string field)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                Id($"{name}[{i}]", id(item));
            }
        }

        Unique(items, name, id, field);
        return items.OfType<T>().Select(id).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private void Unique<T>(IReadOnlyList<T> items, string name, Func<T, string?> key, string field, StringComparer? comparer = null)
        where T : class
    {
        var seen = new Dictionary<string, int>(comparer ?? StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || key(item) is not { } value || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!seen.TryAdd(value, i))
            {
                Problem($"{name}[{i}].{field}: duplicate {field} {value} (also {name}[{seen[value]}])");
            }
        }
    }

    private void Each<T>(IReadOnlyList<T> items, string name, Action<T, string> check)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                check(item, $"{name}[{i}]");
            }
            else
            {
                Problem($"{name}[{i}]: must not be null");
            }
        }
    }

    private void Id(string path, string? id)
    {
        if (Required(path, "id", id) && !InventoryValidator.IdPattern().IsMatch(id))
        {
            Problem($"{path}.id: invalid id {id}: use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private bool Required(string path, string field, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Problem($"{path}.{field}: required");
        return false;
    }

    private void Defined<TEnum>(string path, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Problem($"{path}.{field}: unknown value; expected one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        }
    }

    private void NoBlankEntries(string path, string field, IReadOnlyList<string>? values)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(values![i]))
            {
                Problem($"{path}.{field}[{i}]: must not be blank");
            }
        }
    }

    /// <summary>A problem worded "path: what is wrong"; the path (JSON of the import document) is its field.</summary>
    private void Problem(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        problems.Add(new Violation(message[..colon], ViolationCode.Malformed, message[(colon + 2)..]));
    }
}
