using System.Diagnostics;
using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>
/// With Inventory:LoadDemoData=true, upserts the demo inventory at startup. The reference date is today's UTC midnight,
/// so restarts on one day write the same document again.
/// </summary>
internal sealed class DemoInventoryLoader(IConfiguration configuration, IInventoryWriter store, TimeProvider time, ILogger<DemoInventoryLoader> logger)
    : BackgroundService
{
    public const string Setting = "Inventory:LoadDemoData";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>(Setting))
        {
            return;
        }

        var now = time.GetUtcNow();
        var document = DemoInventory.Create(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await store.UpsertAsync(document, stoppingToken);
            logger.LogInformation(
                "Demo inventory loaded: {Users} users, {Applications} applications, {Grants} grants in {Elapsed} ms",
                document.Users.Count, document.Applications.Count, document.Grants.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Demo inventory failed to load after {Elapsed} ms", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
