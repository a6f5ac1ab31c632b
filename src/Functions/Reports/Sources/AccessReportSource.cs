using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Reports.Sources;

/// <summary>
/// The rows of OPA access reports from the server inventory: a user's access methods, a server's, or those of every
/// member of a group one member after the other. Each page resolves its users and servers in one range read each, as
/// the page's keys are sorted. A group report's cursor is "memberId|key after"; the others' is the key after.
/// </summary>
internal sealed class AccessReportSource(IServerInventory inventory) : IReportSource
{
    private List<string>? members;

    public bool Serves(ReportType type) => type is ReportType.USER or ReportType.RESOURCE or ReportType.GROUP;

    public IReadOnlyList<string> Header(Report report) => AccessReportLayout.Header(report.Subject.Type);

    public async Task<ReportPage> ReadAsync(Report report, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var subject = report.Subject;
        if (subject.Type != ReportType.GROUP)
        {
            var page = subject.Type == ReportType.USER
                ? await inventory.UserAccessAsync(subject.Id, cursor, limit, cancellationToken)
                : await inventory.ServerAccessAsync(subject.Id, cursor, limit, cancellationToken);
            return new ReportPage(await LinesAsync(subject.Type, page.Items, cancellationToken), page.NextCursor);
        }

        members ??= [.. await inventory.GroupMembersAsync(subject.Id, cancellationToken)];
        var (member, after) = cursor?.Split('|') is [var m, var a] ? (m, a.Length == 0 ? null : a) : (members.FirstOrDefault(), null);
        var index = member is null ? members.Count : members.BinarySearch(member, StringComparer.Ordinal);
        if (index < 0)
        {
            (index, after) = (~index, null);
        }

        var rows = new List<ServerAccess>();
        while (index < members.Count && rows.Count < limit)
        {
            var page = await inventory.UserAccessAsync(members[index], after, limit - rows.Count, cancellationToken);
            rows.AddRange(page.Items);
            (index, after) = page.NextCursor is null ? (index + 1, null) : (index, page.NextCursor);
        }

        var next = index < members.Count ? $"{members[index]}|{after}" : null;
        return new ReportPage(await LinesAsync(subject.Type, rows, cancellationToken), next);
    }

    public Task<string?> FinishAsync(Report report, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    private async Task<IReadOnlyList<string[]>> LinesAsync(ReportType type, IReadOnlyList<ServerAccess> accesses, CancellationToken cancellationToken)
    {
        if (accesses.Count == 0)
        {
            return [];
        }

        var userIds = accesses.Select(a => a.UserId).Order(StringComparer.Ordinal).ToList();
        var serverIds = accesses.Select(a => a.ServerId).Order(StringComparer.Ordinal).ToList();
        var users = (await inventory.UsersBetweenAsync(userIds[0], userIds[^1], cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var servers = (await inventory.ServersBetweenAsync(serverIds[0], serverIds[^1], cancellationToken)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        return accesses
            .Where(a => users.ContainsKey(a.UserId) && servers.ContainsKey(a.ServerId))
            .Select(a => AccessReportLayout.Cells(type, new AccessReportLine(users[a.UserId], servers[a.ServerId], a)))
            .ToList();
    }
}
