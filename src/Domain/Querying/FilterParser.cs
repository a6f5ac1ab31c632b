namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// Recursive descent over <c>or := and ("or" and)*</c>, <c>and := primary ("and" primary)*</c>,
/// <c>primary := "(" or ")" | field op string</c>. Recursion only happens per parenthesis, which is capped.
/// </summary>
internal sealed class FilterParser
{
    private readonly List<FilterToken> _tokens;
    private readonly FilterSchema _schema;
    private int _next;
    private int _depth;

    private FilterParser(List<FilterToken> tokens, FilterSchema schema)
    {
        _tokens = tokens;
        _schema = schema;
    }

    public static FilterNode Parse(string text, FilterSchema schema)
    {
        var parser = new FilterParser(FilterTokenizer.Tokenize(text), schema);
        var root = parser.ParseOr();
        var rest = parser.Peek;
        if (rest.Kind is FilterTokenKind.Close)
        {
            throw QueryErrors.Filter($"unbalanced parentheses: unexpected ')' at position {rest.Position}");
        }

        if (rest.Kind is not FilterTokenKind.End)
        {
            throw QueryErrors.Filter($"unexpected {rest.Describe()} at position {rest.Position}; expected 'and' or 'or'");
        }

        return root;
    }

    private FilterToken Peek => _tokens[_next];

    private FilterToken Take() => _tokens[_next++];

    private FilterNode ParseOr() => ParseChain("or", ParseAnd, operands => new OrNode(operands));

    private FilterNode ParseAnd() => ParseChain("and", ParsePrimary, operands => new AndNode(operands));

    /// <summary>One operand, or two or more joined by <paramref name="keyword"/> into one node.</summary>
    private FilterNode ParseChain(string keyword, Func<FilterNode> parseOperand, Func<List<FilterNode>, FilterNode> join)
    {
        var first = parseOperand();
        if (!Peek.IsKeyword(keyword))
        {
            return first;
        }

        var operands = new List<FilterNode> { first };
        while (Peek.IsKeyword(keyword))
        {
            Take();
            operands.Add(parseOperand());
        }

        return join(operands);
    }

    private FilterNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case FilterTokenKind.Word:
                return ParseComparison(token);
            case FilterTokenKind.Open:
                return ParseGroup(token);
            default:
                throw QueryErrors.Filter(
                    $"unexpected {token.Describe()} at position {token.Position}; expected a field name or '('");
        }
    }

    private FilterNode ParseGroup(FilterToken open)
    {
        if (++_depth > Filter.MaxDepth)
        {
            throw QueryErrors.Filter(
                $"expression is nested deeper than {Filter.MaxDepth} levels at position {open.Position}");
        }

        var inner = ParseOr();
        var close = Take();
        if (close.Kind is FilterTokenKind.End)
        {
            throw QueryErrors.Filter($"unbalanced parentheses: '(' at position {open.Position} is never closed");
        }

        if (close.Kind is not FilterTokenKind.Close)
        {
            throw QueryErrors.Filter(
                $"unexpected {close.Describe()} at position {close.Position}; expected 'and', 'or' or ')'");
        }

        _depth--;
        return inner;
    }

    private ComparisonNode ParseComparison(FilterToken name)
    {
        if (!_schema.TryGetField(name.Text, out var field))
        {
            throw QueryErrors.Filter(
                $"unknown field '{QueryErrors.Show(name.Text)}' at position {name.Position}; allowed: {_schema.AllowedNames}");
        }

        var opToken = Take();
        if (opToken.Kind is not FilterTokenKind.Word || !FilterOperators.TryParse(opToken.Text, out var op))
        {
            throw QueryErrors.Filter(
                $"expected an operator (eq, co, gt, lt) after '{field.Name}' at position {opToken.Position} but found {opToken.Describe()}");
        }

        if (!field.Type.Allows(op))
        {
            throw QueryErrors.Filter(
                $"operator '{op.Spelling()}' is not allowed for {KindName(field.Type.Kind)} field '{field.Name}' at position {opToken.Position}; allowed: {string.Join(", ", field.Type.Operators.Select(o => o.Spelling()))}");
        }

        if (!op.TakesLiteral())
        {
            return new(field, op, string.Empty, default, 0m);
        }

        var literal = Take();
        if (literal.Kind is not FilterTokenKind.String)
        {
            throw QueryErrors.Filter(
                $"expected a quoted value after '{op.Spelling()}' at position {literal.Position} but found {literal.Describe()}");
        }

        return Bind(field, op, literal);
    }

    private static ComparisonNode Bind(FilterField field, FilterOperator op, FilterToken literal)
    {
        var text = literal.Text;
        var kind = field.Type.Kind;
        if (kind is FieldKind.Date)
        {
            return FilterLiterals.TryParseDate(text, out var date)
                ? new(field, op, text, date, 0m)
                : throw QueryErrors.Filter(
                    $"invalid date \"{QueryErrors.Show(text)}\" for field '{field.Name}' at position {literal.Position}; expected ISO-8601 such as 2022-05-24T14:15:22Z");
        }

        if (kind is FieldKind.Number)
        {
            return FilterLiterals.TryParseNumber(text, out var number)
                ? new(field, op, text, default, number)
                : throw QueryErrors.Filter(
                    $"invalid number \"{QueryErrors.Show(text)}\" for field '{field.Name}' at position {literal.Position}");
        }

        if (kind is FieldKind.Enum && op is FilterOperator.Eq && !field.Type.AllowedValues.Contains(text, StringComparer.Ordinal))
        {
            throw QueryErrors.Filter(
                $"invalid value \"{QueryErrors.Show(text)}\" for field '{field.Name}' at position {literal.Position}; allowed: {string.Join(", ", field.Type.AllowedValues)}");
        }

        return new(field, op, text, default, 0m);
    }

    /// <summary>How the filter language names a kind in its messages: text fields are "String", as in Okta's documentation.</summary>
    private static string KindName(FieldKind kind) => kind == FieldKind.Text ? "String" : kind.ToString();
}
