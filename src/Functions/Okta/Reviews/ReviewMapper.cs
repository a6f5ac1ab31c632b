using System.Globalization;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Okta.Accesses;
using AccessReviewFunctions.Functions.Okta.Lists;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

/// <summary>Reviews, their history, stats and principal in Okta's shapes: field names, enum spellings and _links as the seed shows them.</summary>
internal static class ReviewMapper
{
    public static ReviewDto ToDto(ReviewSnapshot review, IReadOnlyDictionary<string, InventoryUser> users, OktaScope scope)
    {
        var self = scope.Href($"/{review.Id}");
        return new ReviewDto(
            review.Id,
            review.Status.ToString(),
            review.Name,
            review.PrincipalId,
            review.EndTime,
            new ReviewerSettingsDto("USER", new UserSettingsDto(
                review.ReviewerIds,
                review.ReviewerIds.Where(users.ContainsKey).Select(id => Profile(users[id])).ToList())),
            review.CreatedBy,
            review.Created,
            review.LastUpdated,
            review.LastUpdatedBy,
            review.Summary is { Length: > 0 } summary ? new ServerMessageDto(summary) : null,
            review.ExpirationBehavior.ToString(),
            review.ExpirationNote,
            review.AutoComplete,
            review.Remediation is { } r
                ? new RemediationSummaryDto(r.Pending, r.InProgress, r.Succeeded, r.Failed, r.Fixed, r.SettledAt,
                    AccessMapper.Remediation(review.Id, new RemediationTarget(RemediateLogout.TargetId, null, 0), review.Logout))
                : null,
            new Dictionary<string, LinkDto>
            {
                ["securityAccessReviewDetails"] = OktaLinks.Link(self, "GET"),
                ["history"] = OktaLinks.Link($"{self}/history", "GET"),
                ["accesses"] = OktaLinks.Link($"{self}/accesses", "GET"),
                ["actions"] = OktaLinks.Link($"{self}/actions", "GET", "POST"),
                ["principalDetails"] = OktaLinks.Link($"{self}/principal", "GET"),
            });
    }

    public static HistoryEntryDto ToDto(HistoryEntry entry, IReadOnlyDictionary<string, InventoryUser> users) =>
        new(entry.Id, entry.SystemGenerated, entry.Timestamp, entry.Message,
            entry.ActorId is not null && users.TryGetValue(entry.ActorId, out var actor) ? Profile(actor) : null);

    public static UserProfileDto Profile(InventoryUser user) =>
        new(user.Id, user.Email, user.FirstName, user.LastName, user.Login, ProfileStatus(user.Status));

    /// <summary>A principal profile is ACTIVE or INACTIVE in Okta's description: every status but ACTIVE (suspended, deprovisioned, staged) is INACTIVE.</summary>
    public static string ProfileStatus(UserStatus status) => status == UserStatus.ACTIVE ? "ACTIVE" : "INACTIVE";

    /// <summary>The review actions available now; UNIVERSAL_LOGOUT is the seed's, beyond the description's enum (see docs/okta-conformance.md).</summary>
    public static IReadOnlyList<ActionDto> Listed(IEnumerable<ReviewAction> actions) => [.. actions.Select(a => new ActionDto(a.ToString()))];

    public static NewReview ToDomain(CreateReviewRequest request) =>
        new(request.PrincipalId, request.Name, request.ReviewerSettings?.Type, request.ReviewerSettings?.UserSettings?.IncludedUserIds, request.EndTime,
            Expiration(request.ExpirationBehavior), request.ExpirationNote, request.AutoComplete);

    public static ReviewPatch ToDomain(PatchReviewRequest request) =>
        new(request.Name, request.EndTime, request.ReviewerSettings?.UserSettings?.IncludedUserIds,
            Expiration(request.ExpirationBehavior), request.ExpirationNote, request.AutoComplete, request.ReviewerSettings?.Type);

    private static ExpirationBehavior? Expiration(string? value) =>
        value is null ? null : EnumText.Parse<ExpirationBehavior>(value, Fields.ExpirationBehavior);

    public static ReviewStatsDto ToDto(IReadOnlyDictionary<ReviewStatus, int> counts) => new(
        counts.GetValueOrDefault(ReviewStatus.ACTIVE),
        counts.GetValueOrDefault(ReviewStatus.PENDING),
        counts.GetValueOrDefault(ReviewStatus.ERROR),
        counts.GetValueOrDefault(ReviewStatus.CLOSED));

    public static PrincipalDetailsDto ToDto(PrincipalDetails details, OktaScope scope)
    {
        var (review, user, manager) = (details.Review, details.Principal, details.Manager);
        var self = scope.Href($"/{review.Id}");
        var home = new LocationDto(user.City, user.State, user.Country);
        return new PrincipalDetailsDto(
            user.Id, user.Email, user.FirstName, user.LastName, user.Login, ProfileStatus(user.Status),
            user.Department,
            manager is null ? null : $"{manager.FirstName} {manager.LastName}",
            user.Title,
            home,
            user.LastLogin is { } at ? new LastLoginInfoDto(at, home) : null,
            user.AdminRoles.Select(r => new AdminRoleDto(r, RoleName(r))).ToList(),
            review.CreatedBy, review.Created, review.LastUpdated, review.LastUpdatedBy,
            new Dictionary<string, LinkDto>
            {
                ["securityAccessReviewDetails"] = OktaLinks.Link(self, "GET"),
                ["history"] = OktaLinks.Link($"{self}/history", "GET"),
                ["userDetails"] = OktaLinks.Link(scope.Url($"/api/v1/users/{user.Id}"), "GET"),
                ["accesses"] = OktaLinks.Link($"{self}/accesses", "GET"),
            });
    }

    /// <summary>SUPER_ADMIN → "Super Admin".</summary>
    private static string RoleName(string roleId) =>
        string.Join(' ', roleId.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLower(CultureInfo.InvariantCulture)));
}
