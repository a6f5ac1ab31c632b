namespace AccessReviewFunctions.Domain.Errors;

/// <summary>A rule of the domain was broken. Each API dialect maps it to its own status, error body, paths and wording.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string message, IReadOnlyList<Violation>? causes = null)
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

    public IReadOnlyList<Violation> Causes { get; }

    public static DomainException Validation(IReadOnlyList<Violation> causes) =>
        new(DomainErrorKind.Validation, "Api validation failed", causes);

    public static DomainException Validation(string field, ViolationCode code, string detail) => Validation([new Violation(field, code, detail)]);

    public static DomainException NotFound(string what) => new(DomainErrorKind.NotFound, what);

    public static DomainException InvalidTransition(string message) =>
        new(DomainErrorKind.InvalidTransition, message, [new Violation(Fields.Request, ViolationCode.InvalidState, message)]);
}
