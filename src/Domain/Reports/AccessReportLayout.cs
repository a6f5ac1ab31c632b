using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Domain.Reports;

/// <summary>One access method of one user on one server, with both ends resolved: a line of an access report.</summary>
public sealed record AccessReportLine(InventoryUser User, ServerResource Server, ServerAccess Access);

/// <summary>
/// The CSV layout of OPA access reports: a user (or group) report lists the user first, a resource report the resource
/// first; the values are the same. Account is the shared account, or the user's own (the login before '@').
/// </summary>
public static class AccessReportLayout
{
    public const string HumanUserType = "human";

    private static readonly string[] UserFirst =
        ["User Name", "User Type", "User Status", "Resource Name", "Resource Type", "Account", "Privileges", "Conditions"];

    private static readonly string[] ResourceFirst =
        ["Resource Name", "Resource Type", "User Name", "User Type", "User Status", "Account", "Privileges", "Conditions"];

    public static IReadOnlyList<string> Header(ReportType type) => type == ReportType.RESOURCE ? ResourceFirst : UserFirst;

    public static string[] Cells(ReportType type, AccessReportLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var (user, server, access) = (line.User, line.Server, line.Access);
        string[] userCells = [user.Login, HumanUserType, Status(user.Status)];
        string[] resourceCells = [server.Hostname, ReportSubject.ServerResourceType];
        string[] method = [access.Account ?? OwnAccount(user), access.Privileges.ToString(), Conditions(access.Conditions)];
        return type == ReportType.RESOURCE ? [.. resourceCells, .. userCells, .. method] : [.. userCells, .. resourceCells, .. method];
    }

    /// <summary>OPA's user statuses: ACTIVE, DISABLED (cannot sign in) or DELETED.</summary>
    public static string Status(UserStatus status) => status switch
    {
        UserStatus.ACTIVE => "ACTIVE",
        UserStatus.DEPROVISIONED => "DELETED",
        _ => "DISABLED",
    };

    public static string OwnAccount(InventoryUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var at = user.Login.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? user.Login[..at] : user.Login;
    }

    public static string Conditions(IReadOnlyList<AccessCondition> conditions) =>
        string.Join("; ", (conditions ?? []).Distinct().Order().Select(Describe));

    private static string Describe(AccessCondition condition) => condition switch
    {
        AccessCondition.GATEWAY => "via an Okta Gateway",
        AccessCondition.GATEWAY_SESSION_RECORDING => "via an Okta Gateway with Session Recording",
        AccessCondition.APPROVAL => "Approval",
        AccessCondition.MFA => "MFA",
        _ => condition.ToString(),
    };
}
