using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>Which reviews exist and who reviews them: the index behind the list routes and the sweeper.</summary>
internal interface IReviewIndex
{
    Task AddReviewersAsync(string reviewId, IEnumerable<string> reviewerIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewSnapshot>> ListForReviewerAsync(string reviewerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewSnapshot>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Records which review holds each access item and sub-access item of <paramref name="rows"/>, before the rows are written.</summary>
    Task AddItemsAsync(string reviewId, AccessRows rows, CancellationToken cancellationToken);

    /// <summary>The id of the review holding the access item or sub-access item <paramref name="itemId"/>, or null: one point read of the item index.</summary>
    Task<string?> FindReviewOfItemAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Reviews the sweeper must look at: open past their end time, PENDING (gathering), with decisions pending, or due to auto-complete.</summary>
    Task<IReadOnlyList<ReviewSnapshot>> ListNeedingAttentionAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Open reviews whose end time is after <paramref name="after"/> and no later than <paramref name="upTo"/>.</summary>
    Task<IReadOnlyList<ReviewSnapshot>> ListEndingAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken);
}
