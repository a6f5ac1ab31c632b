namespace AccessReviewFunctions.Domain.Querying;

/// <summary>A node of a parsed, immutable filter expression.</summary>
public abstract class FilterNode
{
    /// <summary>True when the row whose fields <paramref name="resolve"/> returns satisfies this node.</summary>
    public abstract bool Matches(Func<string, FieldValue?> resolve);
}
