using AccessReviewFunctions.Functions.Runtime.Timers;
using AccessReviewFunctions.Functions.Runtime.Queues;
using System.Diagnostics.CodeAnalysis;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace AccessReviewFunctions.Functions.Runtime.Timers;

/// <summary>A singleton lock across host instances: a 60 s lease (a blob lease in storage), renewed while held.</summary>
internal sealed partial class SingletonLock(ILeaseStore leases, ILogger<SingletonLock> logger)
{
    private readonly ILeaseStore store = leases;
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    /// <summary>The held lease, or null when another holder has it. Dispose to release.</summary>
    public async Task<LeaseHandle?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var leaseId = await store.TryAcquireAsync(name, Duration, cancellationToken);
        return leaseId is null ? null : new LeaseHandle(name, leaseId, this);
    }

    /// <summary>A held lease: renewed in the background; Lost is cancelled when a renewal fails.</summary>
    internal sealed class LeaseHandle : IAsyncDisposable
    {
        private readonly string name;
        private readonly SingletonLock owner;
        private readonly CancellationTokenSource stop = new();
        private readonly CancellationTokenSource lost = new();
        private readonly Task renewing;

        internal LeaseHandle(string name, string leaseId, SingletonLock owner)
        {
            this.name = name;
            this.owner = owner;
            LeaseId = leaseId;
            renewing = RenewAsync();
        }

        public string LeaseId { get; }

        public CancellationToken Lost => lost.Token;

        [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A lease that cannot be released expires by itself within its 60 s; disposing must not throw.")]
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await renewing;
            try
            {
                await owner.store.ReleaseAsync(name, LeaseId, CancellationToken.None);
            }
            catch (Exception e)
            {
                owner.LogReleaseFailed(e, name);
            }

            stop.Dispose();
            lost.Dispose();
        }

        [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Any failed renewal means the lease may be lost: the holder is told through Lost, whatever the cause.")]
        private async Task RenewAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(RenewEvery, stop.Token);
                    await owner.store.RenewAsync(name, LeaseId, stop.Token);
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Released: whatever the cancelled renewal threw.
            }
            catch (Exception e)
            {
                owner.LogRenewFailed(e, name);
                await lost.CancelAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease on lock {Lock} could not be released; it expires by itself")]
    private partial void LogReleaseFailed(Exception exception, string @lock);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lease on lock {Lock} was lost")]
    private partial void LogRenewFailed(Exception exception, string @lock);
}
