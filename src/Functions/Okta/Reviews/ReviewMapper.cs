using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

/// <summary>Domain to Okta shapes: field names, enum spellings and _links as the seed shows them.</summary>
internal static class ReviewMapper
{
    public static ReviewDto ToDto(ReviewSnapshot review, IReadOnlyDictionary<string, InventoryUser> users, string basePath)
    {
        var self = $"{basePath}/{review.Id}";
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
            review.ExpirationBehavior.ToString(),
            review.ExpirationNote,
            review.AutoComplete,
            new Dictionary<string, LinkDto>
            {
                ["securityAccessReviewDetails"] = Link(self, "GET"),
                ["history"] = Link($"{self}/history", "GET"),
                ["accesses"] = Link($"{self}/accesses", "GET"),
                ["actions"] = Link($"{self}/actions", "GET", "POST"),
                ["principalDetails"] = Link($"{self}/principal", "GET"),
            });
    }

    public static HistoryEntryDto ToDto(HistoryEntry entry, IReadOnlyDictionary<string, InventoryUser> users) =>
        new(entry.Id, entry.SystemGenerated, entry.Timestamp, entry.Message,
            entry.ActorId is not null && users.TryGetValue(entry.ActorId, out var actor) ? Profile(actor) : null);

    public static UserProfileDto Profile(InventoryUser user) =>
        new(user.Id, user.Email, user.FirstName, user.LastName, user.Login, user.Status.ToString());

    public static NewReview ToDomain(CreateReviewRequest request) =>
        new(request.PrincipalId, request.Name, request.ReviewerSettings?.Type, request.ReviewerSettings?.UserSettings?.IncludedUserIds, request.EndTime,
            Expiration(request.ExpirationBehavior), request.ExpirationNote, request.AutoComplete);

    public static ReviewPatch ToDomain(PatchReviewRequest request) =>
        new(request.Name, request.EndTime, request.ReviewerSettings?.UserSettings?.IncludedUserIds,
            Expiration(request.ExpirationBehavior), request.ExpirationNote, request.AutoComplete, request.ReviewerSettings?.Type);

    private static ExpirationBehavior? Expiration(string? value) =>
        value is null ? null : EnumText.Parse<ExpirationBehavior>(value, Fields.ExpirationBehavior);

    public static LinkDto Link(string href, params string[] allow) => new(href, new LinkHints(allow));
}
