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
        var cursor = request.After ?? (request.AfterId is { } id ? AtRecord(sortedRows, id, order) : null);
        if (cursor is not null && cursor.OrderBy != order.OrderBy)
        {
            throw DomainException.Validation([QueryErrors.InvalidCursor]);
        }

        var start = cursor is null ? 0 : FirstAfter(sortedRows, cursor, order);
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

    /// <summary>
    /// The position of the record with id <paramref name="id"/> in the current rows: paging continues after it
    /// wherever it sorts now, so rows added since are neither repeated nor skipped. A record not in the list is a bad cursor.
    /// </summary>
    private static Cursor AtRecord<T>(IReadOnlyList<T> rows, string id, RowOrder<T> order)
    {
        foreach (var row in rows)
        {
            if (string.Equals(order.IdOf(row), id, StringComparison.Ordinal))
            {
                return new Cursor(order.OrderBy, order.KeyOf(row), id);
            }
        }

        throw DomainException.Validation([QueryErrors.InvalidCursor]);
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
