using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Functions.Inventory;

internal static class InventoryLookups
{
    /// <summary>The users with these ids that exist, by id: the profiles responses show for reviewers and actors.</summary>
    public static async Task<IReadOnlyDictionary<string, InventoryUser>> UsersByIdAsync(
        this IUserDirectory inventory, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var users = distinct.Count == 0 ? [] : await inventory.FindUsersAsync(distinct, cancellationToken);
        return users.ToDictionary(u => u.Id, StringComparer.Ordinal);
    }
}
