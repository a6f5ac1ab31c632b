using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>
/// The rows one review change writes beside the header, in the same transaction: per event a history row and its
/// System Log entry (with the request's origin on the events a person caused), and the item rows it changed.
/// </summary>
internal sealed class ReviewChangeRows(IdGenerator ids, TimeProvider clock)
{
    public IReadOnlyList<RowChange> For(ReviewSnapshot review, IReadOnlyList<ReviewEvent> events, AccessRows access, string? causedBy, RequestOrigin? origin = null)
    {
        var rows = new List<RowChange>();
        var firstRevision = review.Revision - events.Count + 1;
        var transactionId = causedBy ?? Guid.CreateVersion7(clock.GetUtcNow()).ToString();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].InHistory)
            {
                rows.Add(new RowChange(History(review.Id, ReviewRows.History(review.Id, firstRevision + i), events[i]), RowWrite.Insert));
            }

            rows.Add(new RowChange(Audit(review, ReviewRows.Audit(review.Id, firstRevision + i), events[i], transactionId, origin), RowWrite.Insert));
        }

        rows.AddRange(ItemRows(review.Id, access).Select(r => new RowChange(r, RowWrite.Upsert)));
        return rows;
    }

    /// <summary>The history row and System Log entry of an event appended after <paramref name="review"/>'s revision, without its header.</summary>
    public IReadOnlyList<Row> Appended(ReviewSnapshot review, ReviewEvent change, string suffix, RequestOrigin? origin)
    {
        var transactionId = Guid.CreateVersion7(clock.GetUtcNow()).ToString();
        return
        [
            History(review.Id, ReviewRows.AppendedHistory(review.Revision, suffix), change),
            Audit(review, ReviewRows.AppendedAudit(review.Revision, suffix), change, transactionId, origin),
        ];
    }

    /// <summary>A new suffix for an appended row: its time first, so appends at one revision list in time order.</summary>
    public string AppendSuffix(DateTimeOffset at) => $"{at.UtcTicks:D19}{ids.New("a")}";

    public static IEnumerable<Row> ItemRows(string reviewId, AccessRows access) =>
        access.Items.Select(i => ReviewRows.JsonRow(reviewId, ReviewRows.Item(i.Id), i))
            .Concat(access.SubItems.Select(s => ReviewRows.JsonRow(reviewId, ReviewRows.Sub(s.AccessItemId, s.Id), s)));

    private Row History(string reviewId, string rowKey, ReviewEvent change) =>
        ReviewRows.JsonRow(reviewId, rowKey, new HistoryEntry(ids.New("srh"), change.SystemGenerated, change.At, change.HistoryMessage(), change.ActorId));

    /// <summary>The event's System Log entry; Published and EventType are columns for the log query.</summary>
    private static Row Audit(ReviewSnapshot review, string rowKey, ReviewEvent change, string transactionId, RequestOrigin? origin)
    {
        var log = AuditEvents.From(change, review, Guid.CreateVersion7(change.At).ToString(), transactionId, origin);
        return ReviewRows.JsonRow(review.Id, rowKey, log, (AuditColumns.Published, log.Published), (AuditColumns.EventType, log.EventType));
    }
}
