namespace AccessReviewFunctions.Domain.Errors;

/// <summary>A rule of the domain was broken. Each API dialect maps it to its own error body.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string message, IReadOnlyList<string>? causes = null)
        : base(message)
    {
        Kind = kind;
        Causes = causes ?? [];
    }

    public DomainException()
        : this(DomainErrorKind.Validation, "Validation failed")
    {
    }

    public DomainException(string message)
        : this(DomainErrorKind.Validation, message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = DomainErrorKind.Validation;
        Causes = [];
    }

    public DomainErrorKind Kind { get; }

    public IReadOnlyList<string> Causes { get; }

    public static DomainException Validation(IReadOnlyList<string> causes) =>
        new(DomainErrorKind.Validation, "Api validation failed", causes);

    public static DomainException NotFound(string what) => new(DomainErrorKind.NotFound, what);

    public static DomainException InvalidTransition(string message) => new(DomainErrorKind.InvalidTransition, message, [message]);
}
