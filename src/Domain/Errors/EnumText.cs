namespace AccessReviewFunctions.Domain.Errors;

/// <summary>
/// Enum values from input text: exactly one of the names, case and all. Numbers ("0", "+1") and lists
/// ("A, B"), which <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/> would take, are refused.
/// </summary>
public static class EnumText
{
    public static TEnum Parse<TEnum>(string? text, string field)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw DomainException.Validation(field, text is null ? ViolationCode.Required : ViolationCode.NotAllowed, $"must be {Choices<TEnum>()}");

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) && Enum.TryParse(text, out value);
    }

    /// <summary>"A or B", "A, B or C".</summary>
    public static string Choices<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
