using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Okta;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>
/// Okta-style rate limits: every caller has a fixed window budget, answered with <c>X-Rate-Limit-*</c> headers,
/// and <c>429</c> with Okta's E0000047 body once it is spent. Runs in ASP.NET Core's rate limiting middleware.
/// </summary>
internal static class OktaRateLimiting
{
    public const string LimitHeader = "X-Rate-Limit-Limit";
    public const string RemainingHeader = "X-Rate-Limit-Remaining";
    public const string ResetHeader = "X-Rate-Limit-Reset";

    public static IServiceCollection AddOktaRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section)
            .Validate(o => o.PermitLimit > 0, "RateLimiting:PermitLimit must be positive.")
            .Validate(o => o.Window >= TimeSpan.FromSeconds(1), "RateLimiting:Window must be at least one second.")
            .ValidateOnStart();
        services.AddSingleton<CallerRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter =
                        ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var body = Oracle.OracleDialect.Owns(rejected.HttpContext) ? Oracle.OracleErrors.RateLimited() : OktaErrors.RateLimited();
                return new ValueTask(body.ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    /// <summary>Place after authentication: the partition is the authenticated user.</summary>
    public static void UseOktaRateLimiting(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<RateLimitSettings>>().Value.Enabled)
        {
            return;
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(WriteHeaders, context);
            return next(context);
        });
        app.UseRateLimiter();
    }

    private static Task WriteHeaders(object state)
    {
        var context = (HttpContext)state;
        if (context.Features.Get<RateLimitWindow>() is { } window)
        {
            var headers = context.Response.Headers;
            headers[LimitHeader] = window.Limit.ToString(CultureInfo.InvariantCulture);
            headers[RemainingHeader] = window.Remaining.ToString(CultureInfo.InvariantCulture);
            headers[ResetHeader] = window.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }
}

/// <summary>One caller's budget as this request saw it; the limiter leaves it in the request's features.</summary>
internal sealed record RateLimitWindow(int Limit, int Remaining, long ResetEpochSeconds);

/// <summary>
/// A partitioned fixed window counter on the injected clock. Windows are aligned to the clock, so every
/// partition's window starts together and the whole table of counts is dropped when the window turns:
/// memory is bounded by the callers seen in one window. A rejected attempt consumes nothing.
/// </summary>
internal sealed class CallerRateLimiter(TimeProvider clock, IOptions<RateLimitSettings> options) : PartitionedRateLimiter<HttpContext>
{
    private readonly int limit = options.Value.PermitLimit;
    private readonly long windowTicks = options.Value.Window.Ticks;
    private Generation current = new(long.MinValue);

    public static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(Roles.SubjectClaim)?.Value is { Length: > 0 } sub
            ? sub
            : $"anon:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    public override RateLimiterStatistics? GetStatistics(HttpContext resource)
    {
        var generation = Current(out _);
        var used = generation.Counts.TryGetValue(PartitionKey(resource), out var counter) ? Volatile.Read(ref counter.Value) : 0;
        return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, limit - used) };
    }

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (resource.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase) || resource.Request.Path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase))
        {
            return Lease.Granted;
        }

        var generation = Current(out var now);
        var counter = generation.Counts.GetOrAdd(PartitionKey(resource), static _ => new Counter());
        var granted = counter.TryTake(permitCount, limit, out var used);
        var reset = new DateTimeOffset((generation.Index + 1) * windowTicks, TimeSpan.Zero);
        var resetSeconds = (long)Math.Ceiling((reset - DateTimeOffset.UnixEpoch).TotalSeconds);
        resource.Features.Set(new RateLimitWindow(limit, Math.Max(0, limit - used), resetSeconds));
        return granted ? Lease.Granted : new Lease(false, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((reset - now).TotalSeconds))));
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private Generation Current(out DateTimeOffset now)
    {
        now = clock.GetUtcNow();
        var index = now.UtcTicks / windowTicks;
        var generation = Volatile.Read(ref current);
        while (generation.Index < index)
        {
            var seen = Interlocked.CompareExchange(ref current, new Generation(index), generation);
            generation = seen == generation ? Volatile.Read(ref current) : seen;
        }

        return generation;
    }

    private sealed class Generation(long index)
    {
        public long Index { get; } = index;

        public ConcurrentDictionary<string, Counter> Counts { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Counter
    {
        public int Value;

        public bool TryTake(int permits, int limit, out int used)
        {
            while (true)
            {
                var seen = Volatile.Read(ref Value);
                if (seen + permits > limit)
                {
                    used = seen;
                    return false;
                }

                if (permits == 0 || Interlocked.CompareExchange(ref Value, seen + permits, seen) == seen)
                {
                    used = seen + permits;
                    return true;
                }
            }
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
