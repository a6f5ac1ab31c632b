using System.Collections.Concurrent;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>
/// Creates each named resource (table, queue, container) once per process, on first use. A failed creation is
/// forgotten, so the next caller tries again; a caller's cancellation never cancels the creation others wait for.
/// </summary>
internal sealed class CreateOnce<T>(Func<string, Task<T>> create)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Task<T> GetAsync(string name, CancellationToken cancellationToken) =>
        entries.GetOrAdd(name, n => new Entry(() => create(n))).GetAsync(cancellationToken);

    private sealed class Entry(Func<Task<T>> create)
    {
        private readonly Lock gate = new();
        private Task<T>? task;

        public Task<T> GetAsync(CancellationToken cancellationToken)
        {
            lock (gate)
            {
                if (task is null || task.IsFaulted || task.IsCanceled)
                {
                    task = create();
                }

                return task.WaitAsync(cancellationToken);
            }
        }
    }
}
