using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Reports;

/// <summary>Checks that what an access report is requested for exists: an unknown user, server or group is a validation error.</summary>
internal sealed class ReportRequests(IUserDirectory users, IServerInventory servers)
{
    public const string UserField = "userId";
    public const string ResourceField = "resourceId";
    public const string GroupField = "groupId";

    public async Task RequireKnownAsync(ReportSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (field, known) = subject.Type switch
        {
            ReportType.USER => (UserField, await users.GetUserAsync(subject.Id, cancellationToken) is not null),
            ReportType.RESOURCE => (ResourceField, (await servers.FindServersAsync([subject.Id], cancellationToken)).Count > 0),
            ReportType.GROUP => (GroupField, await servers.GroupExistsAsync(subject.Id, cancellationToken)),
            _ => (Fields.Request, false),
        };
        if (!known)
        {
            throw DomainException.Validation(field, ViolationCode.Unknown, $"unknown {subject.Type.ToString().ToLowerInvariant()} {subject.Id}");
        }
    }
}
