using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>A review's access rows as every reader sees them (stored rows with pending decisions applied), or as stored.</summary>
public static class ReviewRowsProbe
{
    public static async Task<AccessRows> AccessAsync(this IServiceProvider services, string reviewId)
    {
        var store = services.GetRequiredService<IReviewStore>();
        var loaded = await store.GetAsync(reviewId, CancellationToken.None) ?? throw new InvalidOperationException($"No review {reviewId}");
        return loaded.Review.View(await store.ListAccessAsync(reviewId, CancellationToken.None));
    }

    public static Task<AccessRows> StoredAccessAsync(this IServiceProvider services, string reviewId) =>
        services.GetRequiredService<IReviewStore>().ListAccessAsync(reviewId, CancellationToken.None);

    public static IReadOnlyList<SubAccessItem> Of(this AccessRows rows, string accessItemId) =>
        [.. rows.SubItems.Where(s => s.AccessItemId == accessItemId)];
}
