namespace AccessReviewFunctions.Domain.Reviews.Decisions;

internal static class ItemActions
{
    private static readonly IReadOnlyList<AccessAction> Revoke = [AccessAction.REVOKE_ACCESS];
    private static readonly IReadOnlyList<AccessAction> Restore = [AccessAction.RESTORE_ACCESS];

    public static IReadOnlyList<AccessAction> Supported(ItemDecision? decision) => decision?.Revoked == true ? Restore : Revoke;
}
