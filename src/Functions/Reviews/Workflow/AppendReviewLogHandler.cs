using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>Copies a commit's audit rows into the System Log; appending is idempotent, so a redelivery changes nothing.</summary>
internal sealed class AppendReviewLogHandler(IReviewStore store, IAuditLog log) : IMessageHandler<AppendReviewLog>
{
    public async Task HandleAsync(AppendReviewLog message, MessageContext context, CancellationToken cancellationToken)
    {
        var events = await store.ReadAuditAsync(message.ReviewId, message.FromRevision, message.Count, message.Appended, cancellationToken);
        await log.AppendAsync(events, cancellationToken);
    }
}
