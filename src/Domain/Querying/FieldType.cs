namespace AccessReviewFunctions.Domain.Querying;

/// <summary>The declared type of a filterable field, with the operators it accepts.</summary>
public sealed class FieldType
{
    private FieldType(FieldKind kind, IReadOnlyList<string> allowedValues, IReadOnlyList<FilterOperator> operators)
    {
        Kind = kind;
        AllowedValues = allowedValues;
        Operators = operators;
    }

    /// <summary>Free text.</summary>
    public static FieldType Text { get; } = new(FieldKind.Text, [], [FilterOperator.Eq, FilterOperator.Co]);

    /// <summary>An ISO-8601 instant.</summary>
    public static FieldType Date { get; } =
        new(FieldKind.Date, [], [FilterOperator.Eq, FilterOperator.Gt, FilterOperator.Lt]);

    /// <summary>A decimal number.</summary>
    public static FieldType Number { get; } =
        new(FieldKind.Number, [], [FilterOperator.Eq, FilterOperator.Gt, FilterOperator.Lt]);

    public FieldKind Kind { get; }

    /// <summary>For <see cref="FieldKind.Enum"/>, the exact spellings <c>eq</c> accepts; otherwise empty.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    public IReadOnlyList<FilterOperator> Operators { get; }

    /// <summary>An enum field whose <c>eq</c> values must be one of <paramref name="allowedValues"/>.</summary>
    public static FieldType Enum(params IEnumerable<string> allowedValues)
    {
        var values = allowedValues.ToArray();
        if (values.Length == 0 || values.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An enum field needs at least one non-empty value.", nameof(allowedValues));
        }

        return new(FieldKind.Enum, values, [FilterOperator.Eq, FilterOperator.Co]);
    }

    public bool Allows(FilterOperator op) => Operators.Contains(op);

    /// <summary>The same type accepting <paramref name="more"/> operators too (the System Log takes sw, pr, ge, le beside eq, co, gt, lt).</summary>
    public FieldType Allowing(params IEnumerable<FilterOperator> more) => new(Kind, AllowedValues, [.. Operators.Concat(more).Distinct()]);
}
