using AccessReviewFunctions.Functions.Runtime.Queues;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(8, 600)]
    [InlineData(1000, 600)]
    public void Delay_NthFailure_DoublesUpToMax(int dequeueCount, int expectedSeconds)
    {
        var delay = RetryPolicy.Delay(TimeSpan.FromSeconds(5), dequeueCount, TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void RetryDelayBase_VisibilityTimeoutZero_IsOneSecond()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), new QueueOptions().RetryDelayBase);
        Assert.Equal(8, new QueueOptions().EffectiveNewBatchThreshold);
    }
}
