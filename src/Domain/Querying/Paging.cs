using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Querying;

/// <summary>Keyset paging over rows already filtered and sorted by a <see cref="RowOrder{T}"/>.</summary>
public static class Paging
{
    /// <summary>
    /// The first <see cref="PageRequest.Limit"/> rows strictly after the request's cursor (from the start when
    /// none). Because the cursor holds a position, not an offset, rows inserted before it are never repeated
    /// and rows after it are never skipped.
    /// </summary>
    public static Page<T> TakePage<T>(IReadOnlyList<T> sortedRows, PageRequest request, RowOrder<T> order)
    {
        ArgumentNullException.ThrowIfNull(sortedRows);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(order);
        if (request.After is { } after && after.OrderBy != order.OrderBy)
        {
            throw DomainException.Validation([QueryErrors.InvalidCursor]);
        }

        var start = request.After is null ? 0 : FirstAfter(sortedRows, request.After, order);
        var count = Math.Min(request.Limit, sortedRows.Count - start);
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = sortedRows[start + i];
        }

        string? next = null;
        if (count > 0 && start + count < sortedRows.Count)
        {
            var last = items[^1];
            next = new Cursor(order.OrderBy, order.KeyOf(last), order.IdOf(last)).Encode();
        }

        return new(items, next);
    }

    private static int FirstAfter<T>(IReadOnlyList<T> rows, Cursor cursor, RowOrder<T> order)
    {
        int low = 0, high = rows.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (order.CompareToCursor(rows[mid], cursor) > 0)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}
