using System.Collections.Concurrent;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>
/// What this instance's queue listeners and timer triggers are doing, so a reader (a test, a diagnostic) can tell the
/// instance is quiet from what happened rather than from elapsed time. Counters only grow; compare two readings.
/// </summary>
internal sealed class RuntimeActivity
{
    private readonly ConcurrentDictionary<string, QueueCounters> queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimerActivity> timers = new(StringComparer.Ordinal);
    private long dispatchesStarted;
    private long dispatchesCompleted;
    private long handledInProcess;

    /// <summary>The queues whose listener in this instance has started (logical names).</summary>
    public IReadOnlyCollection<string> Queues => [.. queues.Keys];

    public QueueActivity Queue(string queue) => queues.TryGetValue(queue, out var counters) ? counters.Read() : new QueueActivity(0, 0, 0, 0, 0, 0);

    /// <summary>Outbox sends begun and finished after the caller had its answer (<see cref="Durable.OutboxInBackground"/>).</summary>
    public OutboxActivity Outbox => new(Volatile.Read(ref dispatchesStarted), Volatile.Read(ref dispatchesCompleted), Volatile.Read(ref handledInProcess));

    public TimerActivity Timer(string job) => timers.GetValueOrDefault(job, new TimerActivity(0, null));

    internal void ListenerStarted(string queue) => queues.GetOrAdd(queue, _ => new QueueCounters());

    /// <returns>The number of this poll, counted from 1.</returns>
    internal long PollStarted(string queue) => Interlocked.Increment(ref queues[queue].Polls);

    /// <summary>A poll found the queue empty; idle when no message of this listener was in flight either.</summary>
    internal void PolledEmpty(string queue, long poll, bool idle)
    {
        if (idle)
        {
            Volatile.Write(ref queues[queue].LastIdlePoll, poll);
        }
    }

    internal void Received(string queue, int count) => Interlocked.Add(ref queues[queue].Received, count);

    internal void HandlerCompleted(string queue) => Interlocked.Increment(ref queues[queue].Completed);

    internal void WaitingForCapacity(string queue) => Interlocked.Increment(ref queues[queue].CapacityWaits);

    internal void Yielded(string queue) => Interlocked.Increment(ref queues[queue].Yields);

    internal void DispatchStarted() => Interlocked.Increment(ref dispatchesStarted);

    internal void DispatchCompleted() => Interlocked.Increment(ref dispatchesCompleted);

    internal void HandledInProcess() => Interlocked.Increment(ref handledInProcess);

    internal void TimerWaiting(string job, DateTimeOffset due) => timers.AddOrUpdate(job, _ => new TimerActivity(0, due), (_, t) => t with { WaitingUntil = due });

    internal void TimerRunning(string job) => timers.AddOrUpdate(job, _ => new TimerActivity(0, null), (_, t) => t with { WaitingUntil = null });

    internal void TimerRan(string job) => timers.AddOrUpdate(job, _ => new TimerActivity(1, null), (_, t) => t with { Runs = t.Runs + 1 });

    private sealed class QueueCounters
    {
        public long Polls;
        public long Received;
        public long Completed;
        public long LastIdlePoll;
        public long CapacityWaits;
        public long Yields;

        public QueueActivity Read() => new(
            Volatile.Read(ref Polls), Volatile.Read(ref Received), Volatile.Read(ref Completed), Volatile.Read(ref LastIdlePoll), Volatile.Read(ref CapacityWaits),
            Volatile.Read(ref Yields));
    }
}

/// <summary>One queue listener's counters.</summary>
/// <param name="Polls">Receive calls begun, numbered from 1.</param>
/// <param name="Received">Messages taken from the queue: each is one handler run.</param>
/// <param name="Completed">Handler runs finished, whatever their outcome (deleted, retried, poisoned).</param>
/// <param name="LastIdlePoll">The number of the last poll that found the queue empty with no message in flight: the idle signal.</param>
/// <param name="CapacityWaits">Times the listener stopped fetching until a handler run finished (newBatchThreshold).</param>
/// <param name="Yields">Times the listener held back a fetch while an urgent queue had a backlog (QueuePriority).</param>
internal sealed record QueueActivity(long Polls, long Received, long Completed, long LastIdlePoll, long CapacityWaits, long Yields)
{
    public long InFlight => Received - Completed;
}

/// <summary>
/// Background outbox sends: begun, and finished whatever their outcome (sent, or left to the outbox job); and the
/// outbox messages they handled in process instead of sending (<see cref="Queues.InProcessDelivery"/>).
/// </summary>
internal sealed record OutboxActivity(long Started, long Completed, long HandledInProcess)
{
    public long InFlight => Started - Completed;
}

/// <summary>One timer job's runs, and the due time its trigger waits for (null while a tick runs).</summary>
internal sealed record TimerActivity(long Runs, DateTimeOffset? WaitingUntil);
