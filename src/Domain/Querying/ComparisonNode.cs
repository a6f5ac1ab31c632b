namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// <c>field op "literal"</c>, already checked against the schema. The literal is held parsed:
/// <see cref="Text"/> for String/Enum, <see cref="Date"/> for Date, <see cref="Number"/> for Number.
/// </summary>
public sealed class ComparisonNode : FilterNode
{
    internal ComparisonNode(FilterField field, FilterOperator op, string text, DateTimeOffset date, decimal number)
    {
        Field = field;
        Operator = op;
        Text = text;
        Date = date;
        Number = number;
    }

    public FilterField Field { get; }

    public FilterOperator Operator { get; }

    public string Text { get; }

    public DateTimeOffset Date { get; }

    public decimal Number { get; }

    public override bool Matches(Func<string, FieldValue?> resolve)
    {
        var value = resolve(Field.Name);
        if (value is null)
        {
            return false;
        }

        if (Operator is FilterOperator.Pr)
        {
            return value.TextValues.Any(v => !string.IsNullOrEmpty(v)) || value.DateValues.Length > 0 || value.NumberValues.Length > 0;
        }

        var expected = Field.Type.Kind is FieldKind.Enum ? FieldKind.Text : Field.Type.Kind;
        if (value.Kind != expected)
        {
            throw new InvalidOperationException(
                $"Field '{Field.Name}' is declared {Field.Type.Kind} but the resolver returned {value.Kind}.");
        }

        return expected switch
        {
            FieldKind.Text => MatchesText(value.TextValues),
            FieldKind.Date => MatchesDate(value.DateValues),
            _ => MatchesNumber(value.NumberValues),
        };
    }

    private bool MatchesText(string?[] values)
    {
        foreach (var v in values)
        {
            if (v is not null && Operator switch
                {
                    FilterOperator.Co => v.Contains(Text, StringComparison.OrdinalIgnoreCase),
                    FilterOperator.Sw => v.StartsWith(Text, StringComparison.OrdinalIgnoreCase),
                    FilterOperator.Eq => string.Equals(v, Text, StringComparison.Ordinal),
                    _ => Compares(string.CompareOrdinal(v, Text)),
                })
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesDate(DateTimeOffset[] values)
    {
        foreach (var v in values)
        {
            if (Compares(v.UtcTicks.CompareTo(Date.UtcTicks)))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesNumber(decimal[] values)
    {
        foreach (var v in values)
        {
            if (Compares(v.CompareTo(Number)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Compares(int order) => Operator switch
    {
        FilterOperator.Gt => order > 0,
        FilterOperator.Lt => order < 0,
        FilterOperator.Ge => order >= 0,
        FilterOperator.Le => order <= 0,
        _ => order == 0,
    };

    public override string ToString() => Operator.TakesLiteral() ? $"{Field.Name} {Operator.Spelling()} \"{Text}\"" : $"{Field.Name} {Operator.Spelling()}";
}
