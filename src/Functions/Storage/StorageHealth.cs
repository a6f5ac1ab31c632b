using AccessReviewFunctions.Functions.Health;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>Storage answers when the table service lists a table within the probe's time.</summary>
internal sealed class StorageHealth(StorageClients clients) : IStorageHealth
{
    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in clients.Tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return true;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            return false;
        }
    }
}
