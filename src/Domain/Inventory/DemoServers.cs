namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>
/// The demo's Okta Privileged Access part: 36 servers and the access methods of the admin, the target, the reviewers
/// and a few dozen employees on them. Drawn from a random source of its own, so the rest of the demo is unchanged.
/// </summary>
internal static class DemoServers
{
    private static readonly string[] Roles = ["web", "api", "db", "cache", "batch", "bastion"];
    private static readonly string[] Sites = ["fra", "iad", "sfo"];

    public static string ServerId(int n) => $"srv{n:D17}";

    public static IReadOnlyList<ServerResource> Servers()
    {
        var servers = new List<ServerResource>();
        foreach (var site in Sites)
        {
            foreach (var role in Roles)
            {
                for (var i = 1; i <= 2; i++)
                {
                    var n = servers.Count + 1;
                    servers.Add(new ServerResource(ServerId(n), $"{role}-{site}-{i:D2}.{DemoInventory.EmailDomain}", role == "bastion" ? "windows" : "linux"));
                }
            }
        }

        return servers;
    }

    public static IReadOnlyList<ServerAccess> Accesses(IReadOnlyList<ServerResource> servers, IReadOnlyList<InventoryUser> users)
    {
        var random = new Random(7);
        var accesses = new List<ServerAccess>();
        var admins = users.Where(u => u.Id == DemoInventory.AdminId || u.Id == DemoInventory.TargetId).ToList();
        foreach (var admin in admins)
        {
            foreach (var server in servers.Where((_, i) => i % 3 == 0))
            {
                accesses.Add(new(admin.Id, server.Id, null, ServerPrivilege.admin, [AccessCondition.GATEWAY_SESSION_RECORDING, AccessCondition.MFA]));
                accesses.Add(new(admin.Id, server.Id, "root", ServerPrivilege.user, [AccessCondition.APPROVAL, AccessCondition.GATEWAY_SESSION_RECORDING]));
            }
        }

        var staff = users.Where(u => u.Id.StartsWith("00uemp", StringComparison.Ordinal)).Take(40).Concat(users.Where(u => DemoInventory.ReviewerIds.Contains(u.Id)));
        foreach (var user in staff)
        {
            foreach (var server in servers.OrderBy(_ => random.Next()).Take(1 + random.Next(4)))
            {
                var conditions = new[] { AccessCondition.GATEWAY, AccessCondition.MFA }.Where(_ => random.Next(2) == 0).ToList();
                accesses.Add(new(user.Id, server.Id, null, ServerPrivilege.user, conditions));
                if (random.Next(5) == 0)
                {
                    accesses.Add(new(user.Id, server.Id, null, ServerPrivilege.admin, [AccessCondition.APPROVAL, .. conditions]));
                }
            }
        }

        return accesses;
    }
}
