namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>Retry delay after the n-th failed delivery: base * 2^(n-1), capped.</summary>
internal static class RetryPolicy
{
    public static TimeSpan Delay(TimeSpan retryBase, int dequeueCount, TimeSpan max)
    {
        var exponent = Math.Clamp(dequeueCount - 1, 0, 30);
        var ticks = retryBase.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
