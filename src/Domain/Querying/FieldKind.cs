namespace AccessReviewFunctions.Domain.Querying;

/// <summary>The type of a filterable field; decides which operators and literals are valid.</summary>
public enum FieldKind
{
    /// <summary>Free text: <c>eq</c> (exact) and <c>co</c> (contains, case-insensitive).</summary>
    Text,

    /// <summary>An instant written as ISO-8601: <c>gt</c>, <c>lt</c> and <c>eq</c>.</summary>
    Date,

    /// <summary>One of a fixed set of spellings: <c>eq</c> (exact, validated) and <c>co</c>.</summary>
    Enum,

    /// <summary>A decimal number: <c>eq</c>, <c>gt</c> and <c>lt</c>.</summary>
    Number,
}
