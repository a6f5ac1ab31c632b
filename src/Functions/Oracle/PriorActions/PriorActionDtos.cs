using System.Text.Json.Serialization;

namespace AccessReviewFunctions.Functions.Oracle.PriorActions;

/// <summary>AccessReviewPriorActionsSummaryCollection.</summary>
internal sealed record PriorActionCollection(IReadOnlyList<PriorActionDto> Items);

/// <summary>
/// AccessReviewPriorActionsSummary. Every field is written, null ones too, as Oracle's example shows them
/// (<c>isCompletionRuleActioned</c> and <c>subLevel</c> are always null here: no completion rules, one level).
/// </summary>
internal sealed record PriorActionDto(
    string CampaignName,
    int Level,
    string ReviewerName,
    string ReviewerType,
    string Action,
    DateTimeOffset TimeReviewed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? IsAutoActioned,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? IsCompletionRuleActioned,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Justification,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinalAction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? SubLevel,
    bool HasSodViolation);
