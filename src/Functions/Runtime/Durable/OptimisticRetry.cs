using Polly;
using Polly.Retry;

namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>Another writer changed the row since it was read (ETag mismatch): read again and retry.</summary>
internal sealed class ConcurrencyException(string what)
    : Exception($"{what} was changed by someone else")
{
}

/// <summary>
/// The one retry loop of read-decide-write under an ETag: on a <see cref="ConcurrencyException"/> the whole attempt
/// runs again, after a short jittered exponential delay, up to 20 attempts.
/// </summary>
internal static class OptimisticRetry
{
    public const int MaxAttempts = 20;

    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ConcurrencyException>(),
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(250),
        })
        .Build();

    public static Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        Pipeline.ExecuteAsync(async token => await attempt(token), cancellationToken).AsTask();
}
