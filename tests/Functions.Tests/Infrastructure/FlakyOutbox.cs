using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>An outbox dispatcher that fails its next N dispatches (a crash or a storage fault before the send), or holds them until released.</summary>
internal sealed class FlakyOutbox
{
    private int toFail;
    private int failures;
    private int sent;
    private int waiting;
    private int mostWaiting;

    public int Failures => Volatile.Read(ref failures);

    /// <summary>Dispatches that reached the real dispatcher and finished.</summary>
    public int Sent => Volatile.Read(ref sent);

    /// <summary>Dispatches waiting for <see cref="Release"/> right now, and the most there ever were at once.</summary>
    public (int Now, int Most) Waiting => (Volatile.Read(ref waiting), Volatile.Read(ref mostWaiting));

    private volatile TaskCompletionSource? held;

    public void FailNext(int count) => Volatile.Write(ref toFail, count);

    /// <summary>From now on every dispatch waits until <see cref="Release"/>.</summary>
    public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => held?.TrySetResult();

    public IOutboxDispatcher Wrap(IOutboxDispatcher inner) => new Dispatcher(inner, this);

    private sealed class Dispatcher(IOutboxDispatcher inner, FlakyOutbox owner) : IOutboxDispatcher
    {
        public async Task DispatchAsync(string table, string partitionKey, IReadOnlyList<Row>? written, bool inProcessFirst, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref owner.toFail) >= 0)
            {
                Interlocked.Increment(ref owner.failures);
                throw new IOException("simulated crash before dispatch");
            }

            var now = Interlocked.Increment(ref owner.waiting);
            int most;
            while ((most = Volatile.Read(ref owner.mostWaiting)) < now && Interlocked.CompareExchange(ref owner.mostWaiting, now, most) != most)
            {
            }

            try
            {
                await (owner.held?.Task ?? Task.CompletedTask).WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref owner.waiting);
            }

            await inner.DispatchAsync(table, partitionKey, written, inProcessFirst, cancellationToken);
            Interlocked.Increment(ref owner.sent);
        }

        public Task<int> DispatchStrandedAsync(string table, TimeSpan olderThan, CancellationToken cancellationToken) =>
            inner.DispatchStrandedAsync(table, olderThan, cancellationToken);
    }
}
