using AccessReviewFunctions.Domain.Querying;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccessReviewFunctions.Functions.Tests.Host;

public sealed class FaultTests
{
    [Fact]
    public async Task UnexpectedFault_500OktaBody_LoggedOnceWithTheRequest()
    {
        var logs = new RecordingLoggerProvider();
        using var host = new ApiHost(services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.Decorate<IInventoryStore>((inner, _) => new BrokenUserList(inner));
        });

        var response = await host.AsAdmin().GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000009", body.GetProperty("errorCode").GetString());
        Assert.DoesNotContain("user list offline", body.GetRawText(), StringComparison.Ordinal);
        var error = Assert.Single(logs.Errors);
        Assert.Equal("Unhandled error on GET /api/v1/users", error);
    }

    [Fact]
    public async Task DomainError_AnsweredNotLogged()
    {
        var logs = new RecordingLoggerProvider();
        using var host = new ApiHost(services: s => s.AddSingleton<ILoggerProvider>(logs));

        var response = await host.AsAdmin().GetAsync("/governance/api/v2/security-access-reviews/sarunknown0000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(logs.Errors);
    }

    [Fact]
    public async Task ConflictRetriesExhausted_409WithRetryAfterAndOktaBody_NotLogged()
    {
        var logs = new RecordingLoggerProvider();
        using var host = new ApiHost(services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.Decorate<IInventoryStore>((inner, _) => new BrokenUserList(inner, new ConcurrencyException("users")));
        });

        var response = await host.AsAdmin().GetAsync("/api/v1/users");

        var error = await BadInputTests.AssertOktaAsync(response, HttpStatusCode.Conflict, "E0000001");
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal("The resource is being changed by other requests; try again", error.GetProperty("errorSummary").GetString());
        Assert.Empty(logs.Errors);
    }

    private sealed class BrokenUserList(IInventoryStore inner, Exception? error = null) : InventoryStoreDecorator(inner)
    {
        public override Task<Page<InventoryUser>> ListUsersAsync(string? query, Func<InventoryUser, bool> keep, int limit, string? after, CancellationToken cancellationToken) =>
            throw error ?? new InvalidOperationException("user list offline");
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> errors = new();

        public IReadOnlyCollection<string> Errors => errors.ToArray();

        public ILogger CreateLogger(string categoryName) => new Recorder(errors);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    errors.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
