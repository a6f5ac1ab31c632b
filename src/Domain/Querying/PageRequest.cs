using System.Globalization;
using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// The validated <c>limit</c> and <c>after</c> parameters of one list request. <c>after</c> is either a cursor this
/// service made (<see cref="After"/>) or, as Okta documents it, the id of the last record of the previous page
/// (<see cref="AfterId"/>), which <see cref="Paging"/> places in the current order.
/// </summary>
public sealed record PageRequest(int Limit, Cursor? After, string? AfterId = null)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    /// <summary>
    /// Validates <c>limit</c> (1..200, default 20) and decodes <c>after</c> for <paramref name="orderBy"/>.
    /// Every problem found becomes one cause of a single Validation <see cref="DomainException"/>.
    /// </summary>
    public static PageRequest Parse(string? limit, string? after, OrderBy orderBy)
    {
        ArgumentNullException.ThrowIfNull(orderBy);
        var causes = new List<Violation>();
        var size = ParseLimit(limit, DefaultLimit, MaxLimit, causes);

        var cursor = string.IsNullOrEmpty(after) ? null : Cursor.TryRead(after, orderBy);
        var afterId = cursor is null && Cursor.IsRecordId(after) ? after : null;
        if (!string.IsNullOrEmpty(after) && cursor is null && afterId is null)
        {
            causes.Add(QueryErrors.InvalidCursor);
        }

        Violations.ThrowIfAny(causes);
        return new(size, cursor, afterId);
    }

    /// <summary>
    /// The one reading of every list's <c>limit</c>: digits only (no sign, no spaces), 1 to <paramref name="max"/>;
    /// absent or blank is <paramref name="fallback"/>. A bad value is recorded and the fallback returned.
    /// </summary>
    public static int ParseLimit(string? text, int fallback, int max, ICollection<Violation> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 && size <= max)
        {
            return size;
        }

        problems.Add(new(Fields.Limit, ViolationCode.OutOfRange, $"must be an integer from 1 to {max}"));
        return fallback;
    }
}
