using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>The review tables, created once per process on first use.</summary>
internal sealed class ReviewTables(CloudStorageAccount account, StorageNames names)
{
    private readonly AsyncOnce<CloudTable> reviews = new(() => CreateAsync(account, names.Table("reviews")));
    private readonly AsyncOnce<CloudTable> byReviewer = new(() => CreateAsync(account, names.Table("reviewsbyreviewer")));
    private readonly AsyncOnce<CloudTable> decisionLog = new(() => CreateAsync(account, names.Table("decisionlog")));
    private readonly AsyncOnce<CloudTable> principalClaims = new(() => CreateAsync(account, names.Table("principalclaims")));

    public Task<CloudTable> ReviewsAsync(CancellationToken cancellationToken) => reviews.GetAsync(cancellationToken);

    public Task<CloudTable> ByReviewerAsync(CancellationToken cancellationToken) => byReviewer.GetAsync(cancellationToken);

    public Task<CloudTable> DecisionLogAsync(CancellationToken cancellationToken) => decisionLog.GetAsync(cancellationToken);

    public Task<CloudTable> PrincipalClaimsAsync(CancellationToken cancellationToken) => principalClaims.GetAsync(cancellationToken);

    private static async Task<CloudTable> CreateAsync(CloudStorageAccount account, string name)
    {
        var table = account.CreateCloudTableClient().GetTableReference(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
