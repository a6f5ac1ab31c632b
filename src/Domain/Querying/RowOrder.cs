namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// The total order of a list under an <see cref="OrderBy"/>: sort key, then id (ordinal) as tie-breaker,
/// both reversed for desc. Ids must be unique within the list.
/// </summary>
public sealed class RowOrder<T> : IComparer<T>
{
    private readonly Func<T, SortKey> _key;
    private readonly Func<T, string> _id;

    public RowOrder(OrderBy orderBy, Func<T, SortKey> key, Func<T, string> id)
    {
        OrderBy = orderBy;
        _key = key;
        _id = id;
    }

    public OrderBy OrderBy { get; }

    public SortKey KeyOf(T row) => _key(row);

    public string IdOf(T row) => _id(row);

    public int Compare(T? x, T? y) => x is null || y is null
        ? (x is null).CompareTo(y is null) * -1
        : ComparePositions(_key(x), _id(x), _key(y), _id(y));

    /// <summary>Compares a row's position with a cursor's: positive when the row comes after it.</summary>
    public int CompareToCursor(T row, Cursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return ComparePositions(_key(row), _id(row), cursor.Key, cursor.Id);
    }

    /// <summary>A new list of <paramref name="rows"/> in this order.</summary>
    public IReadOnlyList<T> Sort(IEnumerable<T> rows)
    {
        var sorted = rows.ToList();
        sorted.Sort(this);
        return sorted;
    }

    private int ComparePositions(SortKey keyA, string idA, SortKey keyB, string idB)
    {
        var order = keyA.CompareTo(keyB);
        if (order == 0)
        {
            order = string.CompareOrdinal(idA, idB);
        }

        return OrderBy.Direction is SortDirection.Asc ? order : -order;
    }
}
