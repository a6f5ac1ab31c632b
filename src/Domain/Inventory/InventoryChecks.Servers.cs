namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>The checks of the Okta Privileged Access part of a document: servers and the access methods on them.</summary>
internal sealed partial class InventoryChecks
{
    private void CheckServers()
    {
        var servers = Index(doc.Servers!, "servers", s => s.Id, "id");
        Unique(doc.Servers!, "servers", s => s.Hostname, "hostname", StringComparer.OrdinalIgnoreCase);
        Each(doc.Servers!, "servers", (s, p) => Required(p, "hostname", s.Hostname));
        Each(doc.ServerAccesses!, "serverAccesses", (a, p) => CheckServerAccess(a, p, servers));
        Unique(doc.ServerAccesses!, "serverAccesses", ServerAccessKey, "userId/serverId/account/privileges");
    }

    private void CheckServerAccess(ServerAccess access, string path, HashSet<string> servers)
    {
        if (Required(path, "userId", access.UserId) && !KnownUser(access.UserId))
        {
            Problem($"{path}.userId: unknown user {access.UserId}");
        }

        if (Required(path, "serverId", access.ServerId) && !servers.Contains(access.ServerId) && stored.ServerIds?.Contains(access.ServerId) != true)
        {
            Problem($"{path}.serverId: unknown server {access.ServerId}");
        }

        if (access.Account is not null && !InventoryValidator.IsValidId(access.Account))
        {
            Problem($"{path}.account: invalid account {access.Account}: use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        Defined(path, "privileges", access.Privileges);
        for (var i = 0; i < (access.Conditions?.Count ?? 0); i++)
        {
            Defined($"{path}.conditions[{i}]", "value", access.Conditions![i]);
        }
    }

    private static string? ServerAccessKey(ServerAccess a) =>
        a.UserId is null || a.ServerId is null ? null : $"{a.UserId} / {a.ServerId} / {a.Account ?? "(own)"} / {a.Privileges}";
}
