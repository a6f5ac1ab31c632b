using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>How many of each kind an import upserted.</summary>
internal sealed record ImportCounts(int Users, int Applications, int Groups, int Entitlements, int Bundles, int Grants, int SodRules, int Servers, int ServerAccesses);

/// <summary>Validates a whole document against itself and the stored inventory, then stores all of it or nothing.</summary>
internal sealed class InventoryImporter(IInventoryWriter store, ILogger<InventoryImporter> logger)
{
    public async Task<ImportCounts> ImportAsync(InventoryDocument document, CancellationToken cancellationToken)
    {
        var references = InventoryValidator.UnresolvedReferences(document);
        var stored = references.IsEmpty ? StoredInventoryIds.None : await store.ExistingIdsAsync(references, cancellationToken);
        var problems = InventoryValidator.Validate(document, stored);
        if (problems.Count > 0)
        {
            throw DomainException.Validation(problems);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await store.UpsertAsync(document.Normalized(), cancellationToken);
        var counts = new ImportCounts(
            document.Users.Count, document.Applications.Count, document.Groups.Count, document.Entitlements.Count, document.Bundles.Count, document.Grants.Count,
            document.SodRules.Count, document.Servers?.Count ?? 0, document.ServerAccesses?.Count ?? 0);
        logger.LogInformation("Inventory import stored {Counts} in {Elapsed}", counts, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return counts;
    }
}
