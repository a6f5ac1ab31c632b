namespace AccessReviewFunctions.Domain.Querying;

/// <summary>At least one operand must match.</summary>
public sealed class OrNode(IReadOnlyList<FilterNode> operands) : FilterNode
{
    public IReadOnlyList<FilterNode> Operands { get; } = operands;

    public override bool Matches(Func<string, FieldValue?> resolve)
    {
        foreach (var operand in Operands)
        {
            if (operand.Matches(resolve))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"({string.Join(" or ", Operands)})";
}
