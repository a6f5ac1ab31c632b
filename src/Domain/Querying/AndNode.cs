namespace AccessReviewFunctions.Domain.Querying;

/// <summary>All operands must match.</summary>
public sealed class AndNode(IReadOnlyList<FilterNode> operands) : FilterNode
{
    public IReadOnlyList<FilterNode> Operands { get; } = operands;

    public override bool Matches(Func<string, FieldValue?> resolve)
    {
        foreach (var operand in Operands)
        {
            if (!operand.Matches(resolve))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"({string.Join(" and ", Operands)})";
}
