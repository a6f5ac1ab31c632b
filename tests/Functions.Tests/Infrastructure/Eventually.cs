namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or the time runs out; for work the queues do in the background.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    public static Task WaitAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        GetAsync(() => Task.FromResult(condition()), ok => ok, timeout);
}
