using System.Diagnostics.CodeAnalysis;

namespace AccessReviewFunctions.Functions.Common;

/// <summary>
/// One write at a time, and each write takes everything that is waiting: callers that arrive while a write runs are
/// written together by the next one (a group commit). Each caller's task ends when the write holding its items ends,
/// and fails with that write's error, so the caller retries as it would have alone.
/// </summary>
internal sealed class GroupCommit<T>(Func<IReadOnlyList<T>, CancellationToken, Task> write) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private List<Waiting> waiting = [];

    public void Dispose() => gate.Dispose();

    public async Task WriteAsync(IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        var mine = new Waiting(items, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (sync)
        {
            waiting.Add(mine);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!mine.Done.Task.IsCompleted)
            {
                await WriteWaitingAsync(cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }

        await mine.Done.Task;
    }

    [SuppressMessage("Design", "CA1031", Justification = "The error is not swallowed: every caller of the batch gets it from its own task.")]
    private async Task WriteWaitingAsync(CancellationToken cancellationToken)
    {
        List<Waiting> batch;
        lock (sync)
        {
            (batch, waiting) = (waiting, []);
        }

        try
        {
            await write([.. batch.SelectMany(w => w.Items)], cancellationToken);
            batch.ForEach(w => w.Done.TrySetResult());
        }
        catch (Exception e)
        {
            batch.ForEach(w => w.Done.TrySetException(e));
        }
    }

    private sealed record Waiting(IReadOnlyList<T> Items, TaskCompletionSource Done);
}
