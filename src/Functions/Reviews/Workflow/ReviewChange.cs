using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// What one step decided: the events it caused, the item rows it writes and the messages to send once they are stored;
/// for a person's request, where it came from (the System Log records it on the events they caused).
/// </summary>
internal sealed record ReviewChange(IReadOnlyList<ReviewEvent> Events, IReadOnlyList<OutgoingMessage> Outbox, AccessRows? Rows = null, RequestOrigin? Origin = null)
{
    public AccessRows Written => Rows ?? AccessRows.None;

    public static ReviewChange Of(ReviewEvent change, params OutgoingMessage[] outbox) => new([change], outbox);

    public static ReviewChange Send(params OutgoingMessage[] outbox) => new([], outbox);
}
