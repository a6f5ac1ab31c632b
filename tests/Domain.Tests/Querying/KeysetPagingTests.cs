using AccessReviewFunctions.Domain.Querying;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class KeysetPagingTests
{
    private static readonly OrderBy ByScore = new("score", SortDirection.Asc);

    private static RowOrder<Row> Order(OrderBy orderBy) => new(orderBy, r => SortKey.Of(r.Score), r => r.Id);

    private static List<Row> Rows(params (string Id, decimal? Score)[] rows) =>
        rows.Select(r => new Row(r.Id, r.Id, Score: r.Score)).ToList();

    private static Page<Row> Take(List<Row> rows, OrderBy orderBy, int limit, string? after) =>
        Paging.TakePage(Order(orderBy).Sort(rows), PageRequest.Parse(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), after, orderBy), Order(orderBy));

    [Fact]
    public void Sort_Asc_NullsFirstThenKeyThenId()
    {
        var sorted = Order(ByScore).Sort(Rows(("b", 2m), ("c", null), ("a", 2m), ("d", 1m)));

        Assert.Equal(["c", "d", "a", "b"], sorted.Select(r => r.Id));
    }

    [Fact]
    public void Sort_Desc_ReversesWholeOrder()
    {
        var sorted = Order(ByScore with { Direction = SortDirection.Desc }).Sort(Rows(("b", 2m), ("c", null), ("a", 2m), ("d", 1m)));

        Assert.Equal(["b", "a", "d", "c"], sorted.Select(r => r.Id));
    }

    [Fact]
    public void SortKey_Text_CaseInsensitiveThenOrdinal() =>
        Assert.True(SortKey.Of("apple").CompareTo(SortKey.Of("Banana")) < 0
                    && SortKey.Of("A").CompareTo(SortKey.Of("a")) < 0);

    [Fact]
    public void TakePage_WalkAllPages_VisitsEveryRowOnceAndEndsWithNullCursor()
    {
        var rows = Enumerable.Range(0, 47).Select(i => new Row($"r{i:D2}", "n", Score: i % 5 == 0 ? null : i % 7)).ToList();
        var seen = new List<string>();
        string? after = null;

        do
        {
            var page = Take(rows, ByScore, 10, after);
            seen.AddRange(page.Items.Select(r => r.Id));
            after = page.NextCursor;
        }
        while (after is not null);

        Assert.Equal(Order(ByScore).Sort(rows).Select(r => r.Id), seen);
    }

    [Fact]
    public void TakePage_ExactlyLimitRowsLeft_NextCursorIsNull()
    {
        var page = Take(Rows(("a", 1m), ("b", 2m)), ByScore, 2, null);

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData(SortDirection.Asc)]
    [InlineData(SortDirection.Desc)]
    public void TakePage_RowsInsertedBetweenPages_NoRepeatsAndNoSkipsAfterCursor(SortDirection direction)
    {
        var orderBy = ByScore with { Direction = direction };
        var rows = Rows(("a", 10m), ("b", 20m), ("c", 30m), ("d", 40m), ("e", 50m), ("f", 60m));
        var page1 = Take(rows, orderBy, 3, null);
        var cursor = Cursor.Decode(page1.NextCursor, orderBy);

        // Before the cursor: a lower/higher key, and the same key as the cursor row with a smaller id.
        var before = direction is SortDirection.Asc
            ? Rows(("x1", 5m), ("b0", 30m), ("x2", null))
            : Rows(("x1", 65m), ("d9", 40m));
        var after = direction is SortDirection.Asc
            ? Rows(("y1", 35m), ("c9", 30m), ("y2", 99m))
            : Rows(("y1", 35m), ("c9", 40m), ("y2", null));
        var grown = rows.Concat(before).Concat(after).ToList();
        var page2 = Take(grown, orderBy, 100, page1.NextCursor);

        var ids = page2.Items.Select(r => r.Id).ToList();
        Assert.Empty(ids.Intersect(page1.Items.Select(r => r.Id)));
        Assert.Empty(ids.Intersect(before.Select(r => r.Id)));
        Assert.All(after, r => Assert.Contains(r.Id, ids));
        Assert.Equal(grown.Where(r => Order(orderBy).CompareToCursor(r, cursor) > 0).Count(), ids.Count);
        Assert.Null(page2.NextCursor);
    }

    [Fact]
    public void TakePage_CursorForOtherOrder_Throws()
    {
        var request = new PageRequest(5, new Cursor(ByScore, SortKey.Of(1m), "a"));

        Assert.Equal("after: invalid cursor",
            CauseOf(() => Paging.TakePage(Rows(("a", 1m)), request, Order(ByScore with { Direction = SortDirection.Desc }))));
    }

    [Fact]
    public void TakePage_CursorRowDeleted_ContinuesAfterItsPosition()
    {
        var rows = Rows(("a", 1m), ("b", 2m), ("c", 3m), ("d", 4m));
        var page1 = Take(rows, ByScore, 2, null);
        rows.RemoveAll(r => r.Id == "b");

        var page2 = Take(rows, ByScore, 2, page1.NextCursor);

        Assert.Equal(["c", "d"], page2.Items.Select(r => r.Id));
    }

    [Fact]
    public void FilterThenPage_TwoThousandRows_ReturnsMatchingPage()
    {
        var rows = Enumerable.Range(0, 2000)
            .Select(i => new Row($"r{i:D4}", i % 2 == 0 ? "GitHub" : "Okta", i % 3 == 0 ? "ACTIVE" : "CLOSED", May24.AddMinutes(i)))
            .ToList();
        var filter = Filter.Parse("name co \"git\" and (status eq \"ACTIVE\" or created lt \"2022-05-24T14:20:00Z\")", Schema);
        var order = new RowOrder<Row>(new OrderBy("created", SortDirection.Desc), r => SortKey.Of(r.Created), r => r.Id);

        var matching = order.Sort(rows.Where(r => filter.Matches(f => Resolve(r, f))));
        var page = Paging.TakePage(matching, PageRequest.Parse("3", null, order.OrderBy), order);

        Assert.Equal(["r1998", "r1992", "r1986"], page.Items.Select(r => r.Id));
    }

    [Theory]
    [InlineData(SortDirection.Asc)]
    [InlineData(SortDirection.Desc)]
    public void TakePage_AfterRecordId_PagesAfterThatRecordInTheCurrentOrder(SortDirection direction)
    {
        var order = ByScore with { Direction = direction };
        var rows = Rows(("a", 1m), ("b", 2m), ("c", 3m), ("d", 4m), ("e", 5m));
        var first = Take(rows, order, 2, null);

        var second = Take(rows, order, 2, first.Items[^1].Id);

        Assert.Equal(direction == SortDirection.Asc ? ["c", "d"] : ["c", "b"], second.Items.Select(r => r.Id));
    }

    [Fact]
    public void TakePage_AfterRecordIdWithRowsAddedOnBothSides_NoRepeatsAndNoSkips()
    {
        var rows = Rows(("a", 1m), ("c", 3m), ("e", 5m), ("g", 7m));
        var first = Take(rows, ByScore, 2, null);
        rows.AddRange(Rows(("b", 2m), ("f", 6m)));

        var second = Take(rows, ByScore, 10, first.Items[^1].Id);

        Assert.Equal(["a", "c"], first.Items.Select(r => r.Id));
        Assert.Equal(["e", "f", "g"], second.Items.Select(r => r.Id));
    }

    [Fact]
    public void TakePage_AfterIdOfNoRecordInTheList_InvalidCursor() =>
        Assert.Equal("after: invalid cursor", CauseOf(() => Take(Rows(("a", 1m), ("b", 2m)), ByScore, 2, "zz")));
}
