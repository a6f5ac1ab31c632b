using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

internal static class ReviewerProfiles
{
    public static async Task<IReadOnlyDictionary<string, InventoryUser>> LoadAsync(IInventoryStore inventory, IEnumerable<string> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var users = distinct.Count == 0 ? [] : await inventory.FindUsersAsync(distinct, ct);
        return users.ToDictionary(u => u.Id, StringComparer.Ordinal);
    }
}
