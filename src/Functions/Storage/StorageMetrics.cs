using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>
/// Counts every request the storage clients send (each try of a call, so retries count too) on the
/// <c>storage.operations</c> counter of the <see cref="MeterName"/> meter, tagged with the service (table, queue, blob)
/// and the operation (transaction, insert, query, send, receive, ...): an OpenTelemetry exporter or a
/// <see cref="MeterListener"/> (the bench) reads it. Added once, where <see cref="StorageClients"/> builds the clients.
/// </summary>
internal sealed class StorageMetrics(IMeterFactory meters)
{
    public const string MeterName = "AccessReviewFunctions.Storage";
    public const string OperationsName = "storage.operations";

    private readonly Counter<long> operations = meters.Create(MeterName).CreateCounter<long>(
        OperationsName, "{request}", "Requests sent to Azure Storage, each try counted, by service and operation");

    /// <summary>Adds the counting policy to a client's pipeline, per try.</summary>
    public void CountOn(ClientOptions options, string service)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new CountingPolicy(operations, service), HttpPipelinePosition.PerRetry);
    }

    /// <summary>The operation a request performs, from its method and address (the REST APIs of the three services).</summary>
    public static string Operation(string service, string method, string path, string query)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        var comp = query.Contains("comp=lease", StringComparison.Ordinal) ? "lease" : null;
        return (service, method) switch
        {
            ("table", _) when path.EndsWith("$batch", StringComparison.Ordinal) => "transaction",
            ("table", "POST") when path.EndsWith("/Tables", StringComparison.Ordinal) => "create-table",
            ("table", "POST") => "insert",
            ("table", "GET") when path.Contains("RowKey=", StringComparison.Ordinal) => "get",
            ("table", "GET") => "query",
            ("table", "PUT") => "upsert",
            ("table", "PATCH" or "MERGE") => "merge",
            ("queue", _) when !path.Contains("/messages", StringComparison.Ordinal) => "queue-admin",
            ("queue", "POST") => "send",
            ("queue", "GET") => "receive",
            ("queue", "PUT") => "update",
            ("blob", _) when comp is not null => comp,
            ("blob", "GET") => "read",
            ("blob", "PUT") => "write",
            ("blob", "HEAD") => "properties",
            (_, "DELETE") => "delete",
            _ => method.ToLowerInvariant(),
        };
    }

    private sealed class CountingPolicy(Counter<long> operations, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (!operations.Enabled)
            {
                return;
            }

            var request = message.Request;
            var operation = Operation(service, request.Method.Method, request.Uri.Path, request.Uri.Query);
            operations.Add(1, new("service", service), new("operation", operation));
        }
    }
}
