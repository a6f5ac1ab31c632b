namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>How far <see cref="Workflow.EndTimerJob"/> has armed end timers: every open review ending before the mark has its timer.</summary>
internal interface IEndTimerMark
{
    /// <returns>The mark, or null before the job's first pass.</returns>
    Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken);

    Task WriteAsync(DateTimeOffset armedUntil, CancellationToken cancellationToken);
}
