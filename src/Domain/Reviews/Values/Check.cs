using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Values;

internal static class Check
{
    /// <summary>True when there is no problem; otherwise records it.</summary>
    public static bool Passed(Violation? problem, ICollection<Violation> problems)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return problem is null;
    }
}
