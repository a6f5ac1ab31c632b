namespace AccessReviewFunctions.Domain.Querying;

internal enum FilterTokenKind
{
    Word,
    String,
    Open,
    Close,
    End,
}

/// <param name="Position">1-based index of the token's first character in the expression.</param>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) =>
        Kind is FilterTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "end of expression",
        FilterTokenKind.String => $"\"{QueryErrors.Show(Text)}\"",
        _ => $"'{QueryErrors.Show(Text)}'",
    };
}
