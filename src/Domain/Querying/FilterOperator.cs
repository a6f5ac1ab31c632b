namespace AccessReviewFunctions.Domain.Querying;

/// <summary>A comparison operator of the Okta filter language (SCIM's, without <c>ne</c>, <c>ew</c>, <c>not</c> and <c>[ ]</c>).</summary>
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

    /// <summary><c>ge</c>: greater than or equal (at or after).</summary>
    Ge,

    /// <summary><c>le</c>: less than or equal (at or before).</summary>
    Le,

    /// <summary><c>sw</c>: starts with, case-insensitive.</summary>
    Sw,

    /// <summary><c>pr</c>: present (the field has a value); takes no literal.</summary>
    Pr,
}
