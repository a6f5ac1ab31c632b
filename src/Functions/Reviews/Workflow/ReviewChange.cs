using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>What one step decided: the events it caused and the messages to send once they are stored.</summary>
public sealed record ReviewChange(IReadOnlyList<ReviewEvent> Events, IReadOnlyList<OutgoingMessage> Outbox)
{
    public static ReviewChange Of(ReviewEvent change, params OutgoingMessage[] outbox) => new([change], outbox);

    public static ReviewChange Send(params OutgoingMessage[] outbox) => new([], outbox);
}
