using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Storage.Reviews;
using Azure.Data.Tables;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// An ACTIVE review left in storage by a host that is gone (and its caches with it), with the reviews table under the
/// storage prefix a new host opens with <c>Storage:Prefix</c>: for tests that rewrite rows as an earlier version stored them.
/// </summary>
internal sealed record StoredReview(string Prefix, string Id, TableClient Reviews)
{
    public static async Task<StoredReview> ActiveAsync()
    {
        using var before = new ApiHost();
        await TestInventory.ImportAsync(before);
        var id = await CreateActiveAsync(before.AsAdmin());
        return new StoredReview(before.Prefix, id, new TableClient(TestStorage.ConnectionString, new StorageNames(before.Prefix).Table(ReviewTables.Reviews)));
    }

    /// <summary>A host on the same storage.</summary>
    public ApiHost NewHost(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        new(new Dictionary<string, string?> { ["Storage:Prefix"] = Prefix }, services: services);
}
