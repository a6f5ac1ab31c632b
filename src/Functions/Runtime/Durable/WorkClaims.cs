namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// Which copy of a message does its work when a message is sent twice (an outbox dispatch and the outbox job, say)
/// and both copies arrive while the first still runs: the first copy to claim it, by a row in the instance's
/// partition naming its queue message. The same queue message delivered again (its holder crashed) takes its claim
/// back; another copy finds the claim held and leaves the work to it, unless the claim is older than
/// <see cref="Stale"/>, which only a lost holder leaves behind.
/// </summary>
internal sealed class WorkClaims(IPartitionStores stores, TimeProvider clock)
{
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(10);
    private const string Prefix = "claim:";
    private const string HolderColumn = "QueueMessageId";
    private const string ClaimedAtColumn = "ClaimedAt";

    /// <returns>True when this copy does the work.</returns>
    public async Task<bool> TryClaimAsync(string table, string id, string messageId, string queueMessageId, CancellationToken cancellationToken)
    {
        var store = stores.Table(table);
        var claim = Row.Of(id, Prefix + DurableRows.Escape(messageId), (HolderColumn, queueMessageId), (ClaimedAtColumn, clock.GetUtcNow()));
        try
        {
            await store.WriteAtomicallyAsync([new RowChange(claim, RowWrite.Insert)], cancellationToken);
            return true;
        }
        catch (WriteConflictException)
        {
            var held = await store.GetAsync(id, claim.RowKey, cancellationToken);
            if (held is null || held.Text(HolderColumn) == queueMessageId)
            {
                return true;
            }

            if (clock.GetUtcNow() - (held.Time(ClaimedAtColumn) ?? DateTimeOffset.MinValue) < Stale)
            {
                return false;
            }

            return await TryTakeOverAsync(store, claim with { ETag = held.ETag }, cancellationToken);
        }
    }

    private static async Task<bool> TryTakeOverAsync(IPartitionStore store, Row claim, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAtomicallyAsync([new RowChange(claim, RowWrite.Replace)], cancellationToken);
            return true;
        }
        catch (WriteConflictException)
        {
            return false;
        }
    }
}
