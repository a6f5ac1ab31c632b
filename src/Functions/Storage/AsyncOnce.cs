namespace AccessReviewFunctions.Functions.Storage;

/// <summary>Runs an async initialiser once; a failed attempt is forgotten so the next caller tries again.</summary>
internal sealed class AsyncOnce<T>(Func<Task<T>> create)
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
