namespace AccessReviewFunctions.Domain.Errors;

public static class Violations
{
    /// <summary>Runs one parse of a request; its validation causes join <paramref name="problems"/> and null is returned.</summary>
    public static T? Collect<T>(ICollection<Violation> problems, Func<T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse();
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Validation)
        {
            foreach (var cause in e.Causes)
            {
                problems.Add(cause);
            }

            return null;
        }
    }

    /// <summary>Throws the collected problems as one Validation <see cref="DomainException"/>, when there are any.</summary>
    public static void ThrowIfAny(IReadOnlyList<Violation> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw DomainException.Validation(problems);
        }
    }
}
