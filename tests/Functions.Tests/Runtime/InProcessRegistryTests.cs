using AccessReviewFunctions.Functions.Runtime.Queues;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

/// <summary>A message type is handled in the sending process only on its own queue, and only where that queue is listened to.</summary>
public sealed class InProcessRegistryTests
{
    [Theory]
    [InlineData("work", "work", true)]
    [InlineData("work", "other", false)]
    [InlineData(null, "work", false)]
    public void IsInProcess_MarkedType_OnlyOnItsListenedQueue(string? listened, string sentTo, bool expected)
    {
        var registry = new MessageRegistry();
        registry.Add<Ping>();
        registry.MarkInProcess(typeof(Ping), "work");
        if (listened is not null)
        {
            registry.Listen(listened);
        }

        Assert.Equal(expected, registry.IsInProcess(typeof(Ping), sentTo));
        Assert.False(registry.IsInProcess(typeof(Blocked), sentTo));
    }
}
