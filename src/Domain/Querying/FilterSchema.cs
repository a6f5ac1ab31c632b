using System.Diagnostics.CodeAnalysis;

namespace AccessReviewFunctions.Domain.Querying;

/// <summary>The fields one list accepts in its <c>filter</c> parameter. Field names are case-sensitive.</summary>
public sealed class FilterSchema
{
    private readonly Dictionary<string, FilterField> _byName;

    public FilterSchema(params IEnumerable<FilterField> fields)
    {
        Fields = fields.ToArray();
        if (Fields.Count == 0)
        {
            throw new ArgumentException("A filter schema needs at least one field.", nameof(fields));
        }

        _byName = new Dictionary<string, FilterField>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!_byName.TryAdd(field.Name, field))
            {
                throw new ArgumentException($"Field '{field.Name}' is declared twice.", nameof(fields));
            }
        }
    }

    public IReadOnlyList<FilterField> Fields { get; }

    public bool TryGetField(string name, [NotNullWhen(true)] out FilterField? field) =>
        _byName.TryGetValue(name, out field);

    internal string AllowedNames => string.Join(", ", Fields.Select(f => f.Name));
}
