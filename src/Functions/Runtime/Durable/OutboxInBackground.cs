using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// Sends the outbox of a change made outside a queue message (an HTTP request, a timer job) once the change is stored,
/// without keeping the caller waiting: the rows are committed, so the answer does not depend on the queue. A failed
/// send is tried again after 1, 2, 4 and 8 s (a queue that stalls for seconds, say), then left to the outbox job. A
/// change caused by a queue message still dispatches before its handler returns: that message's retry is its safety net.
/// At most <see cref="MaxConcurrentSends"/> sends run at once and the rest wait their turn in memory (their rows are
/// stored), so a burst of answers cannot flood the queue service with sends it then times out and retries. On shutdown
/// the sends in flight finish within the host's shutdown time; what is cut short stays for the outbox job.
/// </summary>
internal sealed partial class OutboxInBackground(IOutboxDispatcher dispatcher, RuntimeActivity activity, ILogger<OutboxInBackground> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];
    /// <summary>Sends at once: as many as a queue listener runs handlers (batch size 16 + threshold 8, host.json).</summary>
    public const int MaxConcurrentSends = 24;

    private readonly CancellationTokenSource stopping = new();
    [SuppressMessage("Reliability", "CA2213:Disposable fields should be disposed", Justification = "A send still finishing after the container is disposed releases its turn; a SemaphoreSlim whose wait handle is never read holds nothing to free.")]
    private readonly SemaphoreSlim turns = new(MaxConcurrentSends);
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public void Dispatch(string table, string partitionKey, IReadOnlyList<Row> written)
    {
        if (written.Count == 0)
        {
            return;
        }

        activity.DispatchStarted();
        var send = SendAsync(table, partitionKey, written);
        running.TryAdd(send, 0);
        _ = send.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of shutdown time: the sends still waiting are cancelled below and their rows stay for the outbox job.
        }

        Cancel();
    }

    public void Dispose()
    {
        Cancel();
        stopping.Dispose();
    }

    private void Cancel()
    {
        try
        {
            stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed with the container while the host was still stopping: nothing left to cancel.
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The rows are stored: whatever a send throws, the outbox job sends them later; it must not surface as an unobserved task.")]
    private async Task SendAsync(string table, string partitionKey, IReadOnlyList<Row> written)
    {
        await Task.Yield();
        var turn = false;
        try
        {
            await turns.WaitAsync(stopping.Token);
            turn = true;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await dispatcher.DispatchAsync(table, partitionKey, written, inProcessFirst: true, stopping.Token);
                    return;
                }
                catch (Exception e) when (attempt < RetryDelays.Length && !stopping.IsCancellationRequested)
                {
                    LogRetrying(e, table, partitionKey, RetryDelays[attempt]);
                    await Task.Delay(RetryDelays[attempt], stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogLeft(table, partitionKey);
        }
        catch (Exception e)
        {
            LogNotDispatched(e, table, partitionKey);
        }
        finally
        {
            if (turn)
            {
                turns.Release();
            }

            activity.DispatchCompleted();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox of {Table} {Id} not sent; trying again in {Delay}")]
    private partial void LogRetrying(Exception exception, string table, string id, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox of {Table} {Id} not sent before shutdown; the outbox job will send it")]
    private partial void LogLeft(string table, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox of {Table} {Id} not dispatched yet; the outbox job will send it")]
    private partial void LogNotDispatched(Exception exception, string table, string id);
}
