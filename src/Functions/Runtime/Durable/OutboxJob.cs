namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// The safety net behind every outbox: sends rows a crash left behind (between a commit and its dispatch), in every
/// table of durable state. A timer trigger named "outbox", singleton across instances.
/// </summary>
internal sealed partial class OutboxJob(IEnumerable<IDurableSchema> schemas, IOutboxDispatcher outbox, ILogger<OutboxJob> logger) : ITimerJob
{
    /// <summary>Outbox rows younger than this are still being dispatched by the writer that made them.</summary>
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(1);

    public string Name => "outbox";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var table in schemas.Select(s => s.Table).Distinct())
        {
            var sent = await outbox.DispatchStrandedAsync(table, StrandedAfter, cancellationToken);
            if (sent > 0)
            {
                LogDispatched(sent, table);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched {Count} stranded outbox messages of table {Table}")]
    private partial void LogDispatched(int count, string table);
}
