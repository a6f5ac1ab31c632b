using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Storage.Inventory;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

public sealed class JsonColumnsTests
{
    [Fact]
    public void Entitlement_ValuesOver64KB_SplitAndReadBack()
    {
        var values = Enumerable.Range(0, 2000).Select(i => new EntitlementValue($"ent{i:D17}", $"Value number {i}", "A description long enough to matter")).ToList();
        var entitlement = new Entitlement("esp1", "0oa1", "Role", null, values);

        var entity = InventoryEntities.From(entitlement);
        var read = InventoryEntities.ToEntitlement(entity, "esp1");

        Assert.True(entity.ContainsKey("Values_2"));
        Assert.All(entity, p => Assert.True(((p.Value as string)?.Length ?? 0) <= 32_000));
        Assert.Equal(values, read.Values);
    }
}
