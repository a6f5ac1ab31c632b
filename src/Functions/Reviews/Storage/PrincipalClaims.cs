using System.Net;
using AccessReviewFunctions.Domain.Reviews;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>
/// Serialises the creation of reviews for one principal, so the open-review limit holds under concurrent creates:
/// one row per principal lists the reviews it opened, and a new review claims its place under the row's ETag.
/// A claim counts while its review is PENDING or ACTIVE, or for <see cref="InFlight"/> after the claim while the
/// review is still being stored; a claim whose review was never stored lapses by itself.
/// </summary>
internal sealed class PrincipalClaims(ReviewTables tables, TimeProvider clock)
{
    public static readonly TimeSpan InFlight = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 20;
    private const string Row = "open";

    /// <summary>
    /// Counts the principal's open reviews, lets <paramref name="decide"/> rule on the new one (it throws to refuse),
    /// then records the claim; retries from the count when another create won the race.
    /// </summary>
    public async Task<T> ClaimAsync<T>(string principalId, string reviewId, Func<int, T> decide, CancellationToken cancellationToken)
    {
        var claims = await tables.PrincipalClaimsAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var result = await claims.ExecuteAsync(TableOperation.Retrieve<DynamicTableEntity>(principalId, Row), null, null, cancellationToken);
            var row = result.Result as DynamicTableEntity;
            var open = await OpenAsync(Read(row), cancellationToken);
            var decided = decide(open.Count);
            var next = new DynamicTableEntity(principalId, Row)
            {
                Properties = { ["Json"] = new EntityProperty(ReviewJson.Write(open.Append(new Claim(reviewId, clock.GetUtcNow())).ToList())) },
            };
            try
            {
                if (row is null)
                {
                    await claims.ExecuteAsync(TableOperation.Insert(next), null, null, cancellationToken);
                }
                else
                {
                    next.ETag = row.ETag;
                    await claims.ExecuteAsync(TableOperation.Replace(next), null, null, cancellationToken);
                }

                return decided;
            }
            catch (StorageException e) when (attempt < MaxAttempts && e.RequestInformation?.HttpStatusCode is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    private async Task<List<Claim>> OpenAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var reviews = await tables.ReviewsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = new List<Claim>();
        foreach (var claim in claims)
        {
            var header = await reviews.ExecuteAsync(TableOperation.Retrieve<DynamicTableEntity>(claim.ReviewId, ReviewRows.Header, ["Status"]), null, null, cancellationToken);
            var status = (header.Result as DynamicTableEntity)?.Properties["Status"].StringValue;
            var stillOpen = status is nameof(ReviewStatus.PENDING) or nameof(ReviewStatus.ACTIVE) || (status is null && now - claim.ClaimedAt < InFlight);
            if (stillOpen)
            {
                open.Add(claim);
            }
        }

        return open;
    }

    private static IReadOnlyList<Claim> Read(DynamicTableEntity? row) =>
        row is null ? [] : ReviewJson.Read<List<Claim>>(row.Properties["Json"].StringValue);

    private sealed record Claim(string ReviewId, DateTimeOffset ClaimedAt);
}
