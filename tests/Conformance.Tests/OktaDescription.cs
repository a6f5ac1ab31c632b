using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NJsonSchema;

namespace AccessReviewFunctions.Conformance.Tests;

/// <summary>One operation of Okta's description: its route template and, per declared status, the response schema (null: no body).</summary>
internal sealed record DescribedOperation(string Id, string Method, string Template, IReadOnlyDictionary<int, string?> Responses)
{
    public bool Matches(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var want = Template.Split('/');
        var got = path.Split('/');
        return want.Length == got.Length && want.Zip(got).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }
}

/// <summary>
/// Okta's OpenAPI description of security access reviews (OpenApi/okta-governance-sar-openapi.yaml, Apache-2.0),
/// read with Microsoft.OpenApi; response bodies are validated with NJsonSchema against its component schemas.
/// </summary>
internal sealed class OktaDescription
{
    private static readonly Lazy<Task<OktaDescription>> Instance = new(LoadAsync);
    private readonly JsonObject definitions;
    private readonly Dictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);

    private OktaDescription(IReadOnlyList<DescribedOperation> operations, JsonObject definitions)
    {
        Operations = operations;
        this.definitions = definitions;
    }

    public IReadOnlyList<DescribedOperation> Operations { get; }

    public static Task<OktaDescription> GetAsync() => Instance.Value;

    public DescribedOperation Find(string method, string path) =>
        Operations.Where(o => o.Matches(method, path)).MinBy(o => o.Template.Count(c => c == '{')) ?? throw new InvalidOperationException($"{method} {path} is not in Okta's description");

    /// <summary>The named component schema, as one JSON Schema document with every component beside it.</summary>
    public async Task<JsonSchema> SchemaAsync(string name)
    {
        if (!schemas.TryGetValue(name, out var schema))
        {
            var root = new JsonObject { ["$ref"] = $"#/definitions/{name}", ["definitions"] = definitions.DeepClone() };
            schema = await JsonSchema.FromJsonAsync(root.ToJsonString());
            schemas[name] = schema;
        }

        return schema;
    }

    private static async Task<OktaDescription> LoadAsync()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "OpenApi", "okta-governance-sar-openapi.yaml");
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(path, settings);
        if (document is null || diagnostic is { Errors.Count: > 0 })
        {
            throw new InvalidOperationException($"Okta's description did not load: {string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        }

        var operations = new List<DescribedOperation>();
        foreach (var (template, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var responses = (operation.Responses ?? []).ToDictionary(
                    r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture),
                    r => r.Value.Content?.TryGetValue("application/json", out var media) == true && media.Schema is OpenApiSchemaReference reference
                        ? reference.Reference.Id
                        : null);
                operations.Add(new DescribedOperation(operation.OperationId!, method.Method, template, responses));
            }
        }

        // The components as JSON Schema definitions: the description's own JSON, refs pointed at "definitions".
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0);
        var components = JsonNode.Parse(json.Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal))!["components"]!["schemas"]!.AsObject();
        StripExtensions(components);
        AddSeedValues(components);
        return new OktaDescription(operations, components);
    }

    /// <summary>
    /// The one value the project keeps beyond the description, as issue 8 asks: the seed's UNIVERSAL_LOGOUT review
    /// action (Okta's own reviews offer it; the published enum lists only CLOSE_REVIEW and RESTORE_ALL_ACCESS).
    /// </summary>
    private static void AddSeedValues(JsonObject components) =>
        components["security-access-review-action-type"]!["enum"]!.AsArray().Add("UNIVERSAL_LOGOUT");

    /// <summary>Vendor extensions (x-…) say nothing about validity, and NJsonSchema reads some of them as its own (x-enumDescriptions).</summary>
    private static void StripExtensions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    StripExtensions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    StripExtensions(child);
                }

                break;
        }
    }
}
