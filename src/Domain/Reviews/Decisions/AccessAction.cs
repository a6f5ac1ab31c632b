namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>A reviewer's decision on an access or sub-access item; the names are the domain's canonical spellings.</summary>
public enum AccessAction
{
    REVOKE_ACCESS,
    RESTORE_ACCESS,

    /// <summary>The access must go, and someone removes it by hand: a revocation the remediation does not carry out itself.</summary>
    FLAG_FOR_MANUAL_REMEDIATION,

    /// <summary>The access must come back, and someone restores it by hand.</summary>
    FLAG_FOR_MANUAL_RESTORATION,
}

public static class AccessActions
{
    /// <summary>True for the decisions that take access away (revoke, or flag for manual remediation).</summary>
    public static bool Revokes(this AccessAction action) => action is AccessAction.REVOKE_ACCESS or AccessAction.FLAG_FOR_MANUAL_REMEDIATION;

    /// <summary>What the decision does to the access, as the decision log and the past-governance rule read it: revoke or restore.</summary>
    public static AccessAction Effect(this AccessAction action) => action.Revokes() ? AccessAction.REVOKE_ACCESS : AccessAction.RESTORE_ACCESS;
}
