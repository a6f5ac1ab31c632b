namespace AccessReviewFunctions.Domain.Querying;

/// <summary>A field a list may be filtered on, e.g. <c>reviewer.name</c> of type Text.</summary>
public sealed record FilterField(string Name, FieldType Type)
{
    public static FilterField Text(string name) => new(name, FieldType.Text);

    public static FilterField Date(string name) => new(name, FieldType.Date);

    public static FilterField Number(string name) => new(name, FieldType.Number);

    /// <summary>The same field accepting <paramref name="more"/> operators too.</summary>
    public FilterField Allowing(params IEnumerable<FilterOperator> more) => this with { Type = Type.Allowing(more) };

    public static FilterField Enum(string name, params IEnumerable<string> allowedValues) =>
        new(name, FieldType.Enum(allowedValues));
}
