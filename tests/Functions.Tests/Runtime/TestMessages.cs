using AccessReviewFunctions.Functions.Tests.Infrastructure;
using System.Collections.Concurrent;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

internal sealed record Ping(string MessageId, string Text) : IWorkflowMessage;

internal sealed record Blocked(string MessageId) : IWorkflowMessage;

internal sealed record Delivery(string MessageId, string Text, int DequeueCount, int Length);

/// <summary>What handlers saw, shared by a test and the host's handlers.</summary>
internal sealed class Recorder
{
    private int running;
    private int maxRunning;

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public ConcurrentQueue<(string MessageId, string Error)> Poisoned { get; } = new();

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Running => Volatile.Read(ref running);

    public int MaxRunning => Volatile.Read(ref maxRunning);

    public void Enter()
    {
        var now = Interlocked.Increment(ref running);
        int seen;
        while ((seen = Volatile.Read(ref maxRunning)) < now && Interlocked.CompareExchange(ref maxRunning, now, seen) != seen)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref running);

    public void Record(Ping message, MessageContext context) =>
        Deliveries.Enqueue(new Delivery(message.MessageId, message.Text, context.DequeueCount, message.Text.Length));
}

internal sealed class RecordingHandler(Recorder recorder) : IMessageHandler<Ping>
{
    public Task HandleAsync(Ping message, MessageContext context, CancellationToken cancellationToken)
    {
        recorder.Record(message, context);
        return Task.CompletedTask;
    }
}

/// <summary>Fails the first two deliveries of each message.</summary>
internal sealed class FlakyHandler(Recorder recorder) : IMessageHandler<Ping>
{
    public Task HandleAsync(Ping message, MessageContext context, CancellationToken cancellationToken)
    {
        recorder.Record(message, context);
        return context.DequeueCount < 3 ? throw new InvalidOperationException($"flaky {context.DequeueCount}") : Task.CompletedTask;
    }
}

internal sealed class FailingHandler(Recorder recorder) : IMessageHandler<Ping>
{
    public Task HandleAsync(Ping message, MessageContext context, CancellationToken cancellationToken)
    {
        recorder.Record(message, context);
        throw new InvalidOperationException("downstream said no");
    }
}

internal sealed class RecordingPoisonHandler(Recorder recorder) : IPoisonHandler<Ping>
{
    public Task OnPoisonAsync(Ping message, string error, CancellationToken cancellationToken)
    {
        recorder.Poisoned.Enqueue((message.MessageId, error));
        return Task.CompletedTask;
    }
}

internal sealed class GatedHandler(Recorder recorder) : IMessageHandler<Blocked>
{
    public async Task HandleAsync(Blocked message, MessageContext context, CancellationToken cancellationToken)
    {
        recorder.Enter();
        try
        {
            await recorder.Gate.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            recorder.Exit();
        }

        recorder.Deliveries.Enqueue(new Delivery(message.MessageId, string.Empty, context.DequeueCount, 0));
    }
}
