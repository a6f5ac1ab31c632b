using System.Text;

namespace AccessReviewFunctions.Conformance.Tests;

/// <summary>
/// Every response a conformance run got, checked twice against Okta's description: is its status one the operation
/// declares, and does its body match the schema declared for that status (no body where none is declared)?
/// </summary>
internal sealed class ConformanceLedger(OktaDescription description)
{
    /// <summary>
    /// Statuses the service answers that Okta's description does not declare, each a deliberate departure: the body must
    /// still be the declared error schema. 400: the description declares no 400 on any operation, yet its own
    /// parameters have limits and its bodies required fields; Okta answers a broken one with 400 E0000001, as we do.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string> Departures = new Dictionary<int, string> { [400] = "error" };

    private readonly List<Check> checks = [];

    public IReadOnlyList<Check> Checks => checks;

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? label = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : System.Net.Http.Json.JsonContent.Create(body);
        }

        var response = await client.SendAsync(request);
        await RecordAsync(method.Method, url, response, label);
        return response;
    }

    public async Task RecordAsync(string method, string url, HttpResponseMessage response, string? label)
    {
        var path = new Uri(new Uri("http://localhost"), url).AbsolutePath;
        var operation = description.Find(method, path);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var name = $"{operation.Id} {label ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({method} {url})";
        var declared = operation.Responses.TryGetValue(status, out var schema);
        var departed = !declared && Departures.TryGetValue(status, out schema);
        checks.Add(new Check(operation.Id, name, "status", declared || departed,
            declared ? $"{status}" : departed ? $"{status} (departure)" : $"{status} is not declared; declared: {string.Join(", ", operation.Responses.Keys)}"));

        string? problem;
        if (!declared && !departed)
        {
            problem = "no schema for an undeclared status";
        }
        else if (schema is null)
        {
            problem = text.Length == 0 ? null : $"no body declared, got {Cut(text)}";
        }
        else
        {
            var errors = text.Length == 0 ? null : (await description.SchemaAsync(schema)).Validate(text);
            problem = errors is null ? $"empty body, {schema} declared"
                : errors.Count == 0 ? null
                : $"{schema}: {string.Join("; ", Leaves(errors).Distinct().Take(8))}";
        }

        checks.Add(new Check(operation.Id, name, "body", problem is null, problem ?? "valid"));
    }

    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"{checks.Count(c => c.Passed)} of {checks.Count} checks pass over {checks.Select(c => c.OperationId).Distinct().Count()} operations; {checks.Count(c => c.Detail.EndsWith("(departure)", StringComparison.Ordinal))} statuses pass as departures (400)");
        foreach (var failed in checks.Where(c => !c.Passed))
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"FAIL {failed.Name} [{failed.Aspect}]: {failed.Detail}");
        }

        return text.ToString();
    }

    /// <summary>The innermost errors: a failed array item or allOf part names its own broken properties.</summary>
    private static IEnumerable<string> Leaves(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0
            ? Leaves(child.Errors.SelectMany(c => c.Value))
            : [$"{e.Path} {e.Kind}"]);

    private static string Cut(string text) => text.Length > 120 ? text[..120] + "…" : text;

    internal sealed record Check(string OperationId, string Name, string Aspect, bool Passed, string Detail);
}

