namespace AccessReviewFunctions.Domain.Querying;

/// <summary>A comparison operator of the Okta filter language.</summary>
public enum FilterOperator
{
    /// <summary><c>eq</c>: equal.</summary>
    Eq,

    /// <summary><c>co</c>: contains, case-insensitive.</summary>
    Co,

    /// <summary><c>gt</c>: greater than (later than).</summary>
    Gt,

    /// <summary><c>lt</c>: less than (earlier than).</summary>
    Lt,
}
