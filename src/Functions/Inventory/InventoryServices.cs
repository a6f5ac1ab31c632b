using AccessReviewFunctions.Functions.Storage.Inventory;

namespace AccessReviewFunctions.Functions.Inventory;

internal static class InventoryServices
{
    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddSingleton<TableServerInventory>();
        services.AddSingleton<IServerInventory>(sp => sp.GetRequiredService<TableServerInventory>());
        services.AddSingleton<InventoryRowCache>();
        services.AddSingleton<IInventoryStore, TableInventoryStore>();
        services.AddSingleton<IUserDirectory>(sp => sp.GetRequiredService<IInventoryStore>());
        services.AddSingleton<IAccessInventory>(sp => sp.GetRequiredService<IInventoryStore>());
        services.AddSingleton<IInventoryWriter>(sp => sp.GetRequiredService<IInventoryStore>());
        services.AddSingleton<IGrantStore>(sp => sp.GetRequiredService<IInventoryStore>());
        services.AddSingleton<InventoryImporter>();
        services.AddHostedService<DemoInventoryLoader>();
        return services;
    }
}
