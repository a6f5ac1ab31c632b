using System.Net.Sockets;
using Azure;
using Azure.Core;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>
/// How long a storage call may take and what counts as "storage is not answering": every client tries a call at most
/// <see cref="MaxRetries"/> + 1 times, each try within <see cref="NetworkTimeout"/>, so a request fails within seconds
/// during an outage instead of hanging for the SDK's defaults (a minute per try).
/// </summary>
internal static class StorageFaults
{
    public const int MaxRetries = 2;
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What a client answering during an outage should wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static void Bound(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = NetworkTimeout;
    }

    /// <summary>
    /// True when <paramref name="error"/> says the storage service is unreachable, overloaded or timed out (a 5xx, a
    /// 408, no connection) rather than that the request was wrong: the caller may try again later.
    /// </summary>
    public static bool IsUnavailable(Exception? error, CancellationToken requestAborted) => error switch
    {
        null => false,
        RequestFailedException failed => failed.Status is 0 or 408 or >= 500 || IsUnavailable(failed.InnerException, requestAborted),
        HttpRequestException or SocketException or TimeoutException => true,
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        AggregateException many => many.InnerExceptions.Count > 0 && many.InnerExceptions.All(e => IsUnavailable(e, requestAborted)),
        IOException io => io.InnerException is SocketException || IsUnavailable(io.InnerException, requestAborted),
        _ => false,
    };
}
