namespace AccessReviewFunctions.Domain.Errors;

public enum DomainErrorKind
{
    /// <summary>The input breaks a rule; the causes say which.</summary>
    Validation,

    /// <summary>The thing asked for does not exist, or the caller may not see it.</summary>
    NotFound,

    /// <summary>The transition is not allowed from the current state.</summary>
    InvalidTransition,

    /// <summary>A concurrent change won; the caller may retry.</summary>
    Conflict,
}
