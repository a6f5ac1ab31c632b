using System.Collections.Concurrent;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Remediation.Connectors;

namespace AccessReviewFunctions.Functions.Tests.Remediation;

/// <summary>
/// A downstream that honours idempotency keys and counts: every call, every change it applied (once per key), and
/// every call for a key it had already applied. Fails a chosen set of calls, before applying anything.
/// </summary>
internal sealed class CountingConnector : IRemediationConnector
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RemediationRequest> applied = new(StringComparer.Ordinal);
    private int repeats;
    private int injected;

    /// <summary>Given a call (the key and how many calls for it came before), a failure to return instead of applying, or null.</summary>
    public Func<RemediationRequest, int, RemediationOutcome?> Fail { get; set; } = (_, _) => null;

    /// <summary>How long each call takes before it answers (so two copies of a work item overlap).</summary>
    public TimeSpan Delay { get; set; }

    public string Name => "counting";

    public IReadOnlyDictionary<string, int> Calls => calls;

    public IReadOnlyDictionary<string, RemediationRequest> Applied => applied;

    /// <summary>Calls for a key already applied: a change the service asked for twice.</summary>
    public int Repeats => Volatile.Read(ref repeats);

    public int Injected => Volatile.Read(ref injected);

    public async Task<RemediationOutcome> ApplyAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Delay(Delay, cancellationToken);
        return Apply(request);
    }

    private RemediationOutcome Apply(RemediationRequest request)
    {
        var before = calls.AddOrUpdate(request.IdempotencyKey, 1, (_, n) => n + 1) - 1;
        if (applied.ContainsKey(request.IdempotencyKey))
        {
            Interlocked.Increment(ref repeats);
            return RemediationOutcome.Succeeded("already applied");
        }

        if (Fail(request, before) is { } failure)
        {
            Interlocked.Increment(ref injected);
            return failure;
        }

        applied[request.IdempotencyKey] = request;
        return RemediationOutcome.Succeeded("removed");
    }
}
