namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>Queue trigger settings from host.json "extensions:queues", with the Azure Functions defaults.</summary>
internal sealed class QueueOptions
{
    public const string Section = "AzureFunctionsJobHost:extensions:queues";
    public const int MaxBatchSize = 32;

    public int BatchSize { get; set; } = 16;

    /// <summary>Fetch the next batch when this few messages are still in flight; null means BatchSize / 2.</summary>
    public int? NewBatchThreshold { get; set; }

    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Base of the retry delay after a failure; zero means one second.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    public int MaxDequeueCount { get; set; } = 5;

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2;

    public TimeSpan RetryDelayBase => VisibilityTimeout > TimeSpan.Zero ? VisibilityTimeout : TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    internal bool IsValid() =>
        BatchSize is >= 1 and <= MaxBatchSize
        && EffectiveNewBatchThreshold >= 0
        && MaxDequeueCount >= 1
        && MaxPollingInterval >= MinPollingInterval
        && VisibilityTimeout >= TimeSpan.Zero;
}
