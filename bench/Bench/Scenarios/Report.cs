using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Inventory;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Bench;

/// <summary>6c. A resource access report of N rows from a synthetic server inventory (the report engine's cost: CSV,
/// blob upload, checkpoints, without reading N rows out of Azurite): rows/s from create to COMPLETED, the growth of this
/// process's working set while it generates, and the download, counted as it streams. Size: rows.</summary>
internal sealed class Report : IScenario
{
    public const string Name = "6 report";
    private const string Reports = "/v1/teams/bench/access_reports";
    public static readonly Figure Rate = new(Name, "report create → COMPLETED", "rows/s", EndToEnd: true);
    public static readonly Figure Memory = new(Name, "working set growth while generating", "MB");
    public static readonly Figure Download = new(Name, "download", "rows/s");

    public string Key => "report";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Rate, Memory, Download];

    public int Size(bool quick) => quick ? 100_000 : 1_000_000;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(60 + (size * 0.0005));

    public async Task RunAsync(Run run)
    {
        using var host = new BenchHost(run.ConnectionString, services: s => s.AddSingleton<IServerInventory>(new SyntheticServerInventory(run.Size)));
        var client = await host.ClientAsync(new { sub = BenchInventory.Admin, roles = new[] { "security_admin" }, team = "bench" });
        GC.Collect();
        var idle = WorkingSet();
        long peak = idle;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(run.Cancel);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, WorkingSet());
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var created = await (await client.PostAsJsonAsync(Reports, new { resource_id = SyntheticServerInventory.ServerId, resource_type = "server" }, run.Cancel))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(run.Cancel);
        var id = created.GetProperty("id").GetString();
        JsonElement report = default;
        await ReviewApi.UntilAsync("rows", run.Size, async () =>
        {
            report = await ReviewApi.GetAsync(client, $"{Reports}/{id}", run.Cancel);
            return report.GetProperty("status").GetString() switch
            {
                "COMPLETED" => run.Size,
                "ERROR" or "COMPLETED_BUT_EMPTY" => throw new InvalidOperationException($"report ended {report}"),
                _ => report.TryGetProperty("processed_rows", out var rows) && rows.ValueKind == JsonValueKind.Number ? rows.GetInt64() : 0,
            };
        }, run.Cancel, TimeSpan.FromMilliseconds(200));
        run.Record(Rate, report.GetProperty("total_rows").GetInt64() / clock.Elapsed.TotalSeconds);
        await sampling.CancelAsync();
        await sampler;
        run.Record(Memory, (peak - idle) / 1024.0 / 1024.0);

        clock.Restart();
        using var response = await client.GetAsync(new Uri($"{Reports}/{id}/download", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, run.Cancel);
        await using var body = await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync(run.Cancel);
        var (lines, buffer) = (0L, new byte[81920]);
        for (int read; (read = await body.ReadAsync(buffer, run.Cancel)) > 0;)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        run.Record(Download, (lines - 1) / clock.Elapsed.TotalSeconds);
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
