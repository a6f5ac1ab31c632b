using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>Maps inventory records to table entities and back. Keys are documented in docs/inventory.md.</summary>
internal static class InventoryEntities
{
    public const string UserPartition = "user";
    public const string SodPartition = "sod";
    public const string AppRow = "app";
    public const string GroupPrefix = "group:";
    public const string EntitlementPrefix = "ent:";
    public const string BundlePrefix = "bundle:";
    public const string AssignmentTypeColumn = "AssignmentType";

    /// <summary>Lower-cased copies of the fields <c>q</c> matches by prefix.</summary>
    public static readonly string[] SearchColumns = ["qLogin", "qEmail", "qFirstName", "qLastName"];

    public static DynamicTableEntity From(InventoryUser user)
    {
        var entity = new DynamicTableEntity(UserPartition, user.Id);
        var p = entity.Properties;
        p["Login"] = new EntityProperty(user.Login);
        p["Email"] = new EntityProperty(user.Email);
        p["FirstName"] = new EntityProperty(user.FirstName);
        p["LastName"] = new EntityProperty(user.LastName);
        p["Status"] = new EntityProperty(user.Status.ToString());
        p["Department"] = new EntityProperty(user.Department);
        p["ManagerId"] = new EntityProperty(user.ManagerId);
        p["Title"] = new EntityProperty(user.Title);
        p["City"] = new EntityProperty(user.City);
        p["State"] = new EntityProperty(user.State);
        p["Country"] = new EntityProperty(user.Country);
        p["Created"] = new EntityProperty(user.Created);
        p["LastLogin"] = new EntityProperty(user.LastLogin);
        JsonColumns.Write(entity, "AdminRoles", user.AdminRoles);
        string[] search = [user.Login, user.Email, user.FirstName, user.LastName];
        for (var i = 0; i < search.Length; i++)
        {
            p[SearchColumns[i]] = new EntityProperty(search[i].ToLowerInvariant());
        }

        return WithoutNulls(entity);
    }

    public static InventoryUser ToUser(DynamicTableEntity e) => new(
        e.RowKey,
        Text(e, "Login")!,
        Text(e, "Email")!,
        Text(e, "FirstName")!,
        Text(e, "LastName")!,
        Enum.Parse<UserStatus>(Text(e, "Status")!),
        Text(e, "Department"),
        Text(e, "ManagerId"),
        Text(e, "Title"),
        Text(e, "City"),
        Text(e, "State"),
        Text(e, "Country"),
        Time(e, "Created") ?? default,
        Time(e, "LastLogin"),
        JsonColumns.Read<IReadOnlyList<string>>(e, "AdminRoles", []));

    public static DynamicTableEntity From(Application app)
    {
        var entity = new DynamicTableEntity(app.Id, AppRow);
        entity.Properties["Name"] = new EntityProperty(app.Name);
        entity.Properties["Label"] = new EntityProperty(app.Label);
        JsonColumns.Write(entity, "GovernanceLabels", app.GovernanceLabels);
        return entity;
    }

    public static DynamicTableEntity From(AppGroup group) => Resource(group.AppId, GroupPrefix + group.Id, group.Name, group.Description);

    public static DynamicTableEntity From(Entitlement entitlement)
    {
        var entity = Resource(entitlement.AppId, EntitlementPrefix + entitlement.Id, entitlement.Name, entitlement.Description);
        JsonColumns.Write(entity, "Values", entitlement.Values);
        return entity;
    }

    public static DynamicTableEntity From(EntitlementBundle bundle)
    {
        var entity = Resource(bundle.AppId, BundlePrefix + bundle.Id, bundle.Name, bundle.Description);
        JsonColumns.Write(entity, "EntitlementValueIds", bundle.EntitlementValueIds);
        return entity;
    }

    /// <summary>The app, groups, entitlements and bundles of one resources partition; null when the app itself is missing.</summary>
    public static ApplicationResources? ToResources(IReadOnlyList<DynamicTableEntity> partition)
    {
        var app = partition.FirstOrDefault(e => e.RowKey == AppRow);
        if (app is null)
        {
            return null;
        }

        var appId = app.PartitionKey;
        return new ApplicationResources(
            new Application(appId, Text(app, "Name")!, Text(app, "Label")!, JsonColumns.Read<IReadOnlyList<string>>(app, "GovernanceLabels", [])),
            Rows(partition, GroupPrefix).Select(x => new AppGroup(x.Id, appId, Text(x.Entity, "Name")!, Text(x.Entity, "Description"))).ToList(),
            Rows(partition, EntitlementPrefix).Select(x => ToEntitlement(x.Entity, x.Id)).ToList(),
            Rows(partition, BundlePrefix).Select(x => new EntitlementBundle(x.Id, appId, Text(x.Entity, "Name")!, Text(x.Entity, "Description"),
                JsonColumns.Read<IReadOnlyList<string>>(x.Entity, "EntitlementValueIds", []))).ToList());
    }

    public static Entitlement ToEntitlement(DynamicTableEntity e, string id) =>
        new(id, e.PartitionKey, Text(e, "Name")!, Text(e, "Description"), JsonColumns.Read<IReadOnlyList<EntitlementValue>>(e, "Values", []));

    public static IEnumerable<(string Id, DynamicTableEntity Entity)> Rows(IEnumerable<DynamicTableEntity> partition, string prefix) =>
        partition.Where(e => e.RowKey.StartsWith(prefix, StringComparison.Ordinal)).Select(e => (e.RowKey[prefix.Length..], e));

    public static DynamicTableEntity From(Grant grant)
    {
        var entity = new DynamicTableEntity(grant.PrincipalId, grant.AppId);
        var p = entity.Properties;
        p[AssignmentTypeColumn] = new EntityProperty(grant.AssignmentType.ToString());
        p["AssignedDate"] = new EntityProperty(grant.AssignedDate);
        JsonColumns.Write(entity, "GroupIds", grant.GroupIds);
        JsonColumns.Write(entity, "EntitlementValueIds", grant.EntitlementValueIds);
        JsonColumns.Write(entity, "BundleIds", grant.BundleIds);
        p["LastAccess"] = new EntityProperty(grant.LastAccess);
        p["AccessCount90Days"] = new EntityProperty(grant.AccessCount90Days);
        return WithoutNulls(entity);
    }

    /// <summary>The same grant keyed by application, for per-application counts.</summary>
    public static DynamicTableEntity AppGrant(Grant grant)
    {
        var entity = new DynamicTableEntity(grant.AppId, grant.PrincipalId);
        entity.Properties[AssignmentTypeColumn] = new EntityProperty(grant.AssignmentType.ToString());
        return entity;
    }

    public static Grant ToGrant(DynamicTableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        Enum.Parse<AssignmentType>(Text(e, AssignmentTypeColumn)!),
        Time(e, "AssignedDate") ?? default,
        JsonColumns.Read<IReadOnlyList<string>>(e, "GroupIds", []),
        JsonColumns.Read<IReadOnlyList<string>>(e, "EntitlementValueIds", []),
        JsonColumns.Read<IReadOnlyList<string>>(e, "BundleIds", []),
        Time(e, "LastAccess"),
        e.Properties.TryGetValue("AccessCount90Days", out var count) ? count.Int32Value ?? 0 : 0);

    public static DynamicTableEntity From(SodRule rule)
    {
        var entity = new DynamicTableEntity(SodPartition, rule.Id);
        var p = entity.Properties;
        p["Name"] = new EntityProperty(rule.Name);
        p["ResourceIdA"] = new EntityProperty(rule.ResourceIdA);
        p["ResourceIdB"] = new EntityProperty(rule.ResourceIdB);
        p["Severity"] = new EntityProperty(rule.Severity.ToString());
        return entity;
    }

    public static SodRule ToSodRule(DynamicTableEntity e) =>
        new(e.RowKey, Text(e, "Name")!, Text(e, "ResourceIdA")!, Text(e, "ResourceIdB")!, Enum.Parse<Severity>(Text(e, "Severity")!));

    public static string? Text(DynamicTableEntity e, string name) => e.Properties.TryGetValue(name, out var p) ? p.StringValue : null;

    private static DateTimeOffset? Time(DynamicTableEntity e, string name) => e.Properties.TryGetValue(name, out var p) ? p.DateTimeOffsetValue : null;

    private static DynamicTableEntity Resource(string appId, string rowKey, string name, string? description)
    {
        var entity = new DynamicTableEntity(appId, rowKey);
        entity.Properties["Name"] = new EntityProperty(name);
        entity.Properties["Description"] = new EntityProperty(description);
        return WithoutNulls(entity);
    }

    /// <summary>Absent optional fields are left out of the entity rather than stored as nulls.</summary>
    private static DynamicTableEntity WithoutNulls(DynamicTableEntity entity)
    {
        foreach (var name in entity.Properties.Where(p => p.Value.PropertyAsObject is null).Select(p => p.Key).ToList())
        {
            entity.Properties.Remove(name);
        }

        return entity;
    }
}
