using System.Diagnostics.CodeAnalysis;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>
/// The queue trigger for one queue, with Azure Functions semantics: fetch batchSize messages, handle them concurrently,
/// fetch again when in-flight drops to newBatchThreshold, back off polling while the queue is empty.
/// </summary>
internal sealed partial class QueueListener(
    string queueName,
    IQueueTransport queues,
    QueueWakeUp wakeUp,
    QueuePriority priority,
    MessageProcessor processor,
    RuntimeActivity activity,
    IOptions<QueueOptions> queueOptions,
    IOptions<RuntimeOptions> runtimeOptions,
    ILogger<QueueListener> logger) : BackgroundService
{
    private readonly SemaphoreSlim completed = new(0);
    private int inFlight;

    public string QueueName => queueName;

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Storage faults back the poll off instead of stopping the listener; when stopping, whatever a cancelled call throws ends the loop.")]
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!runtimeOptions.Value.Listeners)
        {
            return;
        }

        var options = queueOptions.Value;
        var lease = runtimeOptions.Value.MessageLease;
        var running = new HashSet<Task>();
        var poll = QueueOptions.MinPollingInterval;
        activity.ListenerStarted(queueName);
        LogStarted(queueName, options.BatchSize, options.EffectiveNewBatchThreshold);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (Volatile.Read(ref inFlight) > options.EffectiveNewBatchThreshold)
                {
                    activity.WaitingForCapacity(queueName);
                    await completed.WaitAsync(stoppingToken);
                    continue;
                }

                if (priority.HoldBack(queueName, stoppingToken) is { } held)
                {
                    // Then the backlog cleared or MaxYield passed: one batch is fetched either way, so bulk work is never starved.
                    activity.Yielded(queueName);
                    await held;
                }

                IReadOnlyList<ReceivedMessage> batch;
                var pollNumber = activity.PollStarted(queueName);
                try
                {
                    batch = await queues.ReceiveAsync(queueName, options.BatchSize, lease, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    priority.Stopped(queueName);
                    LogStorageError(e, queueName);
                    await Task.Delay(options.MaxPollingInterval, stoppingToken);
                    continue;
                }

                priority.Received(queueName, batch.Count, options.BatchSize);
                if (batch.Count == 0)
                {
                    activity.PolledEmpty(queueName, pollNumber, idle: Volatile.Read(ref inFlight) == 0);
                    await wakeUp.WaitAsync(queueName, poll, stoppingToken);
                    poll = poll * 2 > options.MaxPollingInterval ? options.MaxPollingInterval : poll * 2;
                    continue;
                }

                poll = QueueOptions.MinPollingInterval;
                running.RemoveWhere(t => t.IsCompleted);
                activity.Received(queueName, batch.Count);
                foreach (var message in batch)
                {
                    Interlocked.Increment(ref inFlight);
                    running.Add(RunOneAsync(message, stoppingToken));
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a cancelled storage call ends the loop, whatever it threw.
        }

        priority.Stopped(queueName);
        await Task.WhenAll(running);
        LogStopped(queueName);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "One message that cannot even be settled is logged and reappears after its lease; it must not stop the listener.")]
    private async Task RunOneAsync(ReceivedMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await processor.ProcessAsync(message, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: the message reappears when its lease ends.
        }
        catch (MessageLeaseLostException e)
        {
            LogLeaseLost(e, queueName, message.Id);
        }
        catch (Exception e)
        {
            LogProcessingError(e, queueName, message.Id);
        }
        finally
        {
            activity.HandlerCompleted(queueName);
            Interlocked.Decrement(ref inFlight);
            completed.Release();
        }
    }

    public override void Dispose()
    {
        completed.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue listener {Queue} started (batchSize {BatchSize}, newBatchThreshold {Threshold})")]
    private partial void LogStarted(string queue, int batchSize, int threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue listener {Queue} stopped")]
    private partial void LogStopped(string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} unreachable; backing off")]
    private partial void LogStorageError(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} message {QueueMessageId} outlived its lease; another listener may handle it again")]
    private partial void LogLeaseLost(Exception exception, string queue, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue} message {QueueMessageId} could not be settled; it reappears after its lease")]
    private partial void LogProcessingError(Exception exception, string queue, string queueMessageId);
}
