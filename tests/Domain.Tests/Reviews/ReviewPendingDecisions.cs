using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using static AccessReviewFunctions.Domain.Tests.Reviews.DecisionFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

/// <summary>Changes larger than one step: recorded on the header, read through it, applied to the rows in steps.</summary>
public sealed class ReviewPendingDecisions
{
    private static readonly DateTimeOffset At = ReviewFactory.Now.AddHours(1);

    [Fact]
    public void Revoke_ItemWithMoreSubItemsThanOneStep_PendingAndReadRevoked()
    {
        var review = Active(2);
        var store = new RowStore([Item("aim1"), Item("aim2")], Subs("aim1", 120));

        var result = review.Decide(At, "r", Target(store.Items[0], [.. store.Subs]), AccessAction.REVOKE_ACCESS);

        Assert.Equal(0, result.Rows.Count);
        var pending = Assert.Single(review.State.Pending);
        Assert.Equal((PendingScope.AccessItem, "aim1", review.State.Revision), (pending.Scope, pending.AccessItemId, pending.Revision));
        var view = review.View(store.Rows);
        Assert.True(view.Items[0].Revoked);
        Assert.Null(view.Items[1].Decision);
        Assert.All(view.SubItems, s => Assert.True(s.Revoked));
        Assert.Equal((1, 1), (review.State.DecidedCount, review.State.RevokedCount));
    }

    [Fact]
    public void ApplyPending_InSteps_AtMostOneStepOfRowsEachUntilTheRowsReadAsTheView()
    {
        var review = Active(1);
        var store = new RowStore([Item("aim1")], Subs("aim1", 200));
        review.Decide(At, "r", Target(store.Items[0], [.. store.Subs]), AccessAction.REVOKE_ACCESS);
        var expected = review.View(store.Rows);

        var steps = new List<int>();
        while (review.State.Pending.Count > 0)
        {
            var rows = review.ApplyPending(store.Rows);
            steps.Add(rows.Count);
            store.Write(rows);
            Assert.Equal(expected, review.View(store.Rows), RowsComparer.Instance);
        }

        Assert.Equal([80, 80, 41], steps);
        Assert.Equal(expected, store.Rows, RowsComparer.Instance);
    }

    [Fact]
    public void ApplyPending_SameStepTwice_SecondWritesOnlyWhatIsLeft()
    {
        var review = Active(1);
        var store = new RowStore([Item("aim1")], Subs("aim1", 100));
        review.Decide(At, "r", Target(store.Items[0], [.. store.Subs]), AccessAction.REVOKE_ACCESS);
        var copy = SecurityAccessReview.Restore(review.State);

        var first = review.ApplyPending(store.Rows);
        store.Write(first);
        var again = copy.ApplyPending(store.Rows);

        Assert.Empty(again.SubItems.Select(s => s.Id).Intersect(first.SubItems.Select(s => s.Id)));
        Assert.Equal(101, first.Count + again.Count);
    }

    [Fact]
    public void Revoke_SubItemWhileItsItemsRestoreIsPending_KeptWhenTheRestoreIsApplied()
    {
        var review = Active(1);
        var store = new RowStore([Item("aim1")], Subs("aim1", 100));
        review.Decide(At, "r", Target(store.Items[0], [.. store.Subs]), AccessAction.REVOKE_ACCESS);
        ApplyAll(review, store);
        review.Decide(At.AddMinutes(1), "r", Target(store.Items[0], [.. store.Subs]), AccessAction.RESTORE_ACCESS);
        Assert.Single(review.State.Pending);

        var revoked = review.Decide(At.AddMinutes(2), "r2", new DecisionTarget(store.Items[0], [.. store.Subs], "sai1-7"), AccessAction.REVOKE_ACCESS);
        store.Write(revoked.Rows);
        ApplyAll(review, store);

        Assert.False(store.Items[0].Revoked);
        Assert.Equal(["sai1-7"], store.Subs.Where(s => s.Revoked).Select(s => s.Id));
        Assert.Equal("r2", store.Subs.Single(s => s.Id == "sai1-7").Decision!.DecidedBy);
    }

    [Fact]
    public void RestoreAll_MoreRowsThanOneStep_PendingForEveryRevokedItem()
    {
        var review = Active(3);
        var revoked = new ItemDecision(AccessAction.REVOKE_ACCESS, "r", At);
        var store = new RowStore(
            [Item("aim1", revoked), Item("aim2"), Item("aim3", revoked)],
            [.. Subs("aim1", 50, revoked), .. Subs("aim2", 5), .. Subs("aim3", 50, revoked)]);

        var (rows, _) = review.RestoreAll(At.AddHours(1), "r", store.Rows);
        ApplyAll(review, store);

        Assert.Equal(0, rows.Count);
        Assert.All(store.Items, i => Assert.False(i.Revoked));
        Assert.All(store.Subs, s => Assert.False(s.Revoked));
        Assert.Null(store.Items[1].Decision);
    }

    private static void ApplyAll(SecurityAccessReview review, RowStore store)
    {
        while (review.State.Pending.Count > 0)
        {
            store.Write(review.ApplyPending(store.Rows));
        }
    }

    private static List<SubAccessItem> Subs(string itemId, int count, ItemDecision? decision = null) =>
        [.. Enumerable.Range(0, count).Select(i => Sub(itemId, $"sai{itemId[3..]}-{i}", decision))];

    /// <summary>Stored rows: what a step writes replaces the row of the same id.</summary>
    private sealed class RowStore(List<AccessItem> items, List<SubAccessItem> subs)
    {
        public List<AccessItem> Items { get; } = items;

        public List<SubAccessItem> Subs { get; } = subs;

        public AccessRows Rows => new([.. Items], [.. Subs]);

        public void Write(AccessRows rows)
        {
            foreach (var item in rows.Items)
            {
                Items[Items.FindIndex(i => i.Id == item.Id)] = item;
            }

            foreach (var sub in rows.SubItems)
            {
                Subs[Subs.FindIndex(s => s.Id == sub.Id)] = sub;
            }
        }
    }

    /// <summary>Rows compared by what a reader sees: ids and decisions, not the revision that wrote them.</summary>
    private sealed class RowsComparer : IEqualityComparer<AccessRows>
    {
        public static readonly RowsComparer Instance = new();

        public bool Equals(AccessRows? x, AccessRows? y) =>
            x!.Items.Select(i => (i.Id, i.Decision)).SequenceEqual(y!.Items.Select(i => (i.Id, i.Decision)))
            && x.SubItems.Select(s => (s.Id, s.Decision)).SequenceEqual(y.SubItems.Select(s => (s.Id, s.Decision)));

        public int GetHashCode(AccessRows obj) => obj.Count;
    }
}
