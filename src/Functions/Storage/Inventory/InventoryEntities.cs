using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;
using Azure.Data.Tables;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// Maps inventory records to table entities and back. Keys are documented in docs/inventory.md; resources, grants
/// and per-app grant rows are bucketed (<see cref="InventoryKeys"/>).
/// </summary>
internal static class InventoryEntities
{
    public const string UserPartition = "user";
    public const string SodPartition = "sod";
    public const string AppRow = "app";
    public const string GroupPrefix = "group:";
    public const string EntitlementPrefix = "ent:";
    public const string BundlePrefix = "bundle:";

    /// <summary>A value row <c>{appId}:val:{valueId}</c> names the entitlement holding the value, for point reads.</summary>
    public const string ValuePrefix = "val:";
    public const string EntitlementIdColumn = "EntitlementId";
    public const string AssignmentTypeColumn = "AssignmentType";

    /// <summary>A resource row's kind (app, group, ent, bundle) and own id, for the scans that look a resource up by id alone.</summary>
    public const string KindColumn = "Kind";
    public const string ResourceIdColumn = "ResourceId";

    /// <summary>Lower-cased copies of the fields <c>q</c> matches by prefix.</summary>
    public static readonly string[] SearchColumns = ["qLogin", "qEmail", "qFirstName", "qLastName"];

    public static TableEntity From(InventoryUser user)
    {
        var entity = new TableEntity(UserPartition, user.Id);
        var p = entity;
        p["Login"] = user.Login;
        p["Email"] = user.Email;
        p["FirstName"] = user.FirstName;
        p["LastName"] = user.LastName;
        p["Status"] = user.Status.ToString();
        p["Department"] = user.Department;
        p["ManagerId"] = user.ManagerId;
        p["Title"] = user.Title;
        p["City"] = user.City;
        p["State"] = user.State;
        p["Country"] = user.Country;
        p["Created"] = user.Created;
        p["LastLogin"] = user.LastLogin;
        JsonColumns.Write(entity, "AdminRoles", user.AdminRoles);
        string[] search = [user.Login, user.Email, user.FirstName, user.LastName];
        for (var i = 0; i < search.Length; i++)
        {
            p[SearchColumns[i]] = search[i].ToLowerInvariant();
        }

        return WithoutNulls(entity);
    }

    public static InventoryUser ToUser(TableEntity e) => new(
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

    public static TableEntity From(Application app)
    {
        var entity = new TableEntity(InventoryKeys.Bucket(app.Id), InventoryKeys.Row(app.Id, AppRow));
        entity[KindColumn] = AppRow;
        entity[ResourceIdColumn] = app.Id;
        entity["Name"] = app.Name;
        entity["Label"] = app.Label;
        JsonColumns.Write(entity, "GovernanceLabels", app.GovernanceLabels);
        entity["LogoUrl"] = app.LogoUrl?.AbsoluteUri;
        return entity;
    }

    public static TableEntity From(AppGroup group) => Resource(group.AppId, GroupPrefix, group.Id, group.Name, group.Description);

    public static TableEntity From(Entitlement entitlement)
    {
        var entity = Resource(entitlement.AppId, EntitlementPrefix, entitlement.Id, entitlement.Name, entitlement.Description);
        JsonColumns.Write(entity, "Values", entitlement.Values);
        return entity;
    }

    public static TableEntity From(EntitlementBundle bundle)
    {
        var entity = Resource(bundle.AppId, BundlePrefix, bundle.Id, bundle.Name, bundle.Description);
        JsonColumns.Write(entity, "EntitlementValueIds", bundle.EntitlementValueIds);
        return entity;
    }

    /// <summary>The app, groups, entitlements and bundles from the rows of one app; null when the app itself is missing.</summary>
    public static ApplicationResources? ToResources(IReadOnlyList<TableEntity> partition)
    {
        var app = partition.FirstOrDefault(e => InventoryKeys.Local(e.RowKey) == AppRow);
        if (app is null)
        {
            return null;
        }

        var appId = InventoryKeys.Owner(app.RowKey);
        return new ApplicationResources(
            new Application(appId, Text(app, "Name")!, Text(app, "Label")!, JsonColumns.Read<IReadOnlyList<string>>(app, "GovernanceLabels", []),
                Text(app, "LogoUrl") is { } logo ? new Uri(logo) : null),
            Rows(partition, GroupPrefix).Select(x => new AppGroup(x.Id, appId, Text(x.Entity, "Name")!, Text(x.Entity, "Description"))).ToList(),
            Rows(partition, EntitlementPrefix).Select(x => ToEntitlement(x.Entity, x.Id)).ToList(),
            Rows(partition, BundlePrefix).Select(x => ToBundle(x.Entity, x.Id)).ToList());
    }

    public static EntitlementBundle ToBundle(TableEntity e, string id) =>
        new(id, InventoryKeys.Owner(e.RowKey), Text(e, "Name")!, Text(e, "Description"), JsonColumns.Read<IReadOnlyList<string>>(e, "EntitlementValueIds", []));

    /// <summary>The value rows of an entitlement: one per value, naming the entitlement (<see cref="ValuePrefix"/>).</summary>
    public static IEnumerable<TableEntity> ValueRows(Entitlement entitlement) => entitlement.Values.Select(value =>
    {
        var entity = new TableEntity(InventoryKeys.Bucket(entitlement.AppId), InventoryKeys.Row(entitlement.AppId, ValuePrefix + value.Id));
        entity[KindColumn] = ValuePrefix.TrimEnd(':');
        entity[EntitlementIdColumn] = entitlement.Id;
        return entity;
    });

    public static Entitlement ToEntitlement(TableEntity e, string id) =>
        new(id, InventoryKeys.Owner(e.RowKey), Text(e, "Name")!, Text(e, "Description"), JsonColumns.Read<IReadOnlyList<EntitlementValue>>(e, "Values", []));

    public static IEnumerable<(string Id, TableEntity Entity)> Rows(IEnumerable<TableEntity> partition, string prefix) =>
        partition.Select(e => (Local: InventoryKeys.Local(e.RowKey), Entity: e))
            .Where(x => x.Local.StartsWith(prefix, StringComparison.Ordinal)).Select(x => (x.Local[prefix.Length..], x.Entity));

    public static TableEntity From(Grant grant)
    {
        var entity = new TableEntity(InventoryKeys.Bucket(grant.PrincipalId), InventoryKeys.Row(grant.PrincipalId, grant.AppId));
        var p = entity;
        p[AssignmentTypeColumn] = grant.AssignmentType.ToString();
        p["AssignedDate"] = grant.AssignedDate;
        JsonColumns.Write(entity, "GroupIds", grant.GroupIds);
        JsonColumns.Write(entity, "EntitlementValueIds", grant.EntitlementValueIds);
        JsonColumns.Write(entity, "BundleIds", grant.BundleIds);
        p["LastAccess"] = grant.LastAccess;
        p["AccessCount90Days"] = grant.AccessCount90Days;
        return WithoutNulls(entity);
    }

    /// <summary>The same grant keyed by application, for per-application counts.</summary>
    public static TableEntity AppGrant(Grant grant) => AppGrant(grant.AppId, grant.PrincipalId, grant.AssignmentType);

    /// <summary>The per-application grant row of (app, principal); without a type (a row to delete) it has only its keys.</summary>
    public static TableEntity AppGrant(string appId, string principalId, AssignmentType? type)
    {
        var entity = new TableEntity(InventoryKeys.Bucket(appId), InventoryKeys.Row(appId, principalId));
        if (type is { } assigned)
        {
            entity[AssignmentTypeColumn] = assigned.ToString();
        }

        return entity;
    }

    public static Grant ToGrant(TableEntity e) => new(
        InventoryKeys.Owner(e.RowKey),
        InventoryKeys.Local(e.RowKey),
        Enum.Parse<AssignmentType>(Text(e, AssignmentTypeColumn)!),
        Time(e, "AssignedDate") ?? default,
        JsonColumns.Read<IReadOnlyList<string>>(e, "GroupIds", []),
        JsonColumns.Read<IReadOnlyList<string>>(e, "EntitlementValueIds", []),
        JsonColumns.Read<IReadOnlyList<string>>(e, "BundleIds", []),
        Time(e, "LastAccess"),
        e.GetInt32("AccessCount90Days") ?? 0);

    public static TableEntity From(SodRule rule)
    {
        var entity = new TableEntity(SodPartition, rule.Id);
        var p = entity;
        p["Name"] = rule.Name;
        p["ResourceIdA"] = rule.ResourceIdA;
        p["ResourceIdB"] = rule.ResourceIdB;
        p["Severity"] = rule.Severity.ToString();
        return entity;
    }

    public static SodRule ToSodRule(TableEntity e) =>
        new(e.RowKey, Text(e, "Name")!, Text(e, "ResourceIdA")!, Text(e, "ResourceIdB")!, Enum.Parse<Severity>(Text(e, "Severity")!));

    public static string? Text(TableEntity e, string name) => e.GetString(name);

    private static DateTimeOffset? Time(TableEntity e, string name) => e.GetDateTimeOffset(name);

    private static TableEntity Resource(string appId, string prefix, string id, string name, string? description)
    {
        var entity = new TableEntity(InventoryKeys.Bucket(appId), InventoryKeys.Row(appId, prefix + id));
        entity[KindColumn] = prefix.TrimEnd(':');
        entity[ResourceIdColumn] = id;
        entity["Name"] = name;
        entity["Description"] = description;
        return WithoutNulls(entity);
    }

    /// <summary>Absent optional fields are left out of the entity rather than stored as nulls.</summary>
    private static TableEntity WithoutNulls(TableEntity entity)
    {
        foreach (var name in entity.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            entity.Remove(name);
        }

        return entity;
    }
}
