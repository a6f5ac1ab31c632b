namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>A server resource of Okta Privileged Access: what access reports list access to.</summary>
public sealed record ServerResource(string Id, string Hostname, string? OsType);

/// <summary>
/// One access method of one user on one server: the account used (null for the user's own account, or a shared
/// account such as <c>root</c>), the privilege level it grants and the conditions under which it can be used.
/// </summary>
public sealed record ServerAccess(string UserId, string ServerId, string? Account, ServerPrivilege Privileges, IReadOnlyList<AccessCondition> Conditions);

/// <summary>Privileges of an access method in OPA's lowercase spelling, the wire value: without escalation, or with escalation to admin.</summary>
public enum ServerPrivilege
{
    user,
    admin,
}

/// <summary>How an access method may be used.</summary>
public enum AccessCondition
{
    GATEWAY,
    GATEWAY_SESSION_RECORDING,
    APPROVAL,
    MFA,
}
