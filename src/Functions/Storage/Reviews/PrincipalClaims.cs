using Azure;
using Azure.Data.Tables;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>
/// One row per principal lists the reviews it opened, and a new review claims its place under the row's ETag.
/// A claim counts while its review is PENDING or ACTIVE, or for <see cref="InFlight"/> after the claim while the
/// review is still being stored; a claim whose review was never stored lapses by itself.
/// </summary>
internal sealed class TablePrincipalClaims(StorageResources resources, TimeProvider clock) : IPrincipalClaims
{
    public static readonly TimeSpan InFlight = TimeSpan.FromMinutes(2);
    private const string Row = "open";

    public async Task<T> ClaimAsync<T>(string principalId, string reviewId, Func<int, T> decide, CancellationToken cancellationToken)
    {
        var claims = await resources.TableAsync(ReviewTables.PrincipalClaims, cancellationToken);
        return await OptimisticRetry.RunAsync(async token =>
        {
            var row = await claims.FindAsync(principalId, Row, token);
            // A second create of the same review id (a redelivered risk event) neither counts itself nor claims twice.
            var open = (await OpenAsync(Read(row), token)).Where(c => c.ReviewId != reviewId).ToList();
            var decided = decide(open.Count);
            var next = new TableEntity(principalId, Row) { [ReviewRows.Json] = ReviewJson.Write(open.Append(new Claim(reviewId, clock.GetUtcNow())).ToList()) };
            try
            {
                if (row is null)
                {
                    await claims.AddEntityAsync(next, token);
                }
                else
                {
                    await claims.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, token);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                throw new ConcurrencyException($"open reviews of {principalId}");
            }

            return decided;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ReviewIdsAsync(string principalId, CancellationToken cancellationToken)
    {
        var claims = await resources.TableAsync(ReviewTables.PrincipalClaims, cancellationToken);
        return Read(await claims.FindAsync(principalId, Row, cancellationToken)).Select(c => c.ReviewId).ToList();
    }

    private async Task<List<Claim>> OpenAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var reviews = await resources.TableAsync(ReviewTables.Reviews, cancellationToken);
        var now = clock.GetUtcNow();
        var open = new List<Claim>();
        foreach (var claim in claims)
        {
            var header = await reviews.FindHeaderAsync(claim.ReviewId, cancellationToken, [ReviewSchema.Status]);
            var status = header?.GetString(ReviewSchema.Status);
            var stillOpen = Enum.TryParse<ReviewStatus>(status, out var current) ? current.IsOpen() : now - claim.ClaimedAt < InFlight;
            if (stillOpen)
            {
                open.Add(claim);
            }
        }

        return open;
    }

    private static List<Claim> Read(TableEntity? row) => row is null ? [] : ReviewJson.Read<List<Claim>>(row.GetString(ReviewRows.Json));

    private sealed record Claim(string ReviewId, DateTimeOffset ClaimedAt);
}
