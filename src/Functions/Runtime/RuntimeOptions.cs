namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>Our own runtime settings under "Runtime"; handlers read MaxTimerHop to re-arm longer timers.</summary>
internal sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>The longest visibility delay storage queues accept.</summary>
    public static readonly TimeSpan StorageMaxDelay = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a taken message stays invisible to other listeners; renewed every third of it while its handler runs,
    /// so this bounds how long the work of a crashed host waits before another listener takes it.
    /// </summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest delay one message can carry; a later VisibleAt is delivered at this hop and must be re-armed.</summary>
    public TimeSpan MaxTimerHop { get; set; } = StorageMaxDelay;

    /// <summary>
    /// The longest a listener of an ordinary queue waits for an urgent queue's backlog to clear before it fetches
    /// anyway (<see cref="Queues.QueuePriority"/>); zero turns priority off.
    /// </summary>
    public TimeSpan MaxYield { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>False disables queue listeners and timer triggers (for tools that only send).</summary>
    public bool Listeners { get; set; } = true;

    internal bool IsValid() =>
        MessageLease >= TimeSpan.FromSeconds(1) && MessageLease <= StorageMaxDelay
        && MaxRetryDelay >= TimeSpan.Zero && MaxRetryDelay <= StorageMaxDelay
        && MaxTimerHop > TimeSpan.Zero && MaxTimerHop <= StorageMaxDelay
        && MaxYield >= TimeSpan.Zero && MaxYield <= StorageMaxDelay;
}
