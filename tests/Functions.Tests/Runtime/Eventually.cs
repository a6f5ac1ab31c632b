namespace AccessReviewFunctions.Functions.Tests.Runtime;

/// <summary>Polls a condition until it holds or a bound passes, instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met in time; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    public static Task WaitAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        WaitAsync(() => Task.FromResult(condition()), ok => ok, timeout);
}
