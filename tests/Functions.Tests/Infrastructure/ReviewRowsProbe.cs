using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// A review's access rows as stored, without the pending decisions every reader (the API included) sees through: for
/// the tests of the work that writes those decisions to the rows. Everything else reads through the API.
/// </summary>
internal static class ReviewRowsProbe
{
    public static Task<AccessRows> StoredAccessAsync(this IServiceProvider services, string reviewId) =>
        services.GetRequiredService<IReviewStore>().ListAccessAsync(reviewId, CancellationToken.None);
}
