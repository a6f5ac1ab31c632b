using System.Globalization;
using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Querying;

/// <summary>The validated <c>limit</c> and <c>after</c> parameters of one list request.</summary>
public sealed record PageRequest(int Limit, Cursor? After)
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
        var size = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            causes.Add(new(Fields.Limit, ViolationCode.OutOfRange, $"must be an integer between 1 and {MaxLimit}"));
        }

        Cursor? cursor = null;
        if (!string.IsNullOrEmpty(after))
        {
            try
            {
                cursor = Cursor.Decode(after, orderBy);
            }
            catch (DomainException e)
            {
                causes.AddRange(e.Causes);
            }
        }

        return causes.Count == 0 ? new(size, cursor) : throw DomainException.Validation(causes);
    }
}
