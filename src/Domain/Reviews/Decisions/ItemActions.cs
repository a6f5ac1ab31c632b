namespace AccessReviewFunctions.Domain.Reviews.Decisions;

internal static class ItemActions
{
    private static readonly IReadOnlyList<AccessAction> Revoke = [AccessAction.REVOKE_ACCESS, AccessAction.FLAG_FOR_MANUAL_REMEDIATION];
    private static readonly IReadOnlyList<AccessAction> Restore = [AccessAction.RESTORE_ACCESS, AccessAction.FLAG_FOR_MANUAL_RESTORATION];

    /// <summary>Kept access can be revoked (or flagged for manual removal); revoked access restored (or flagged for manual restoration).</summary>
    public static IReadOnlyList<AccessAction> Supported(ItemDecision? decision) => decision?.Revoked == true ? Restore : Revoke;
}
