using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Reviews.Queries;

/// <summary>
/// The Okta access item list: filter on name, priority, the four risk factor severities and governance labels;
/// sort on priority (HIGH above MEDIUM above LOW, default <c>priority desc</c>), lastAccess or accessFrequency.
/// </summary>
public static class AccessItemListQuery
{
    public static readonly string[] Severities = ["LOW", "MEDIUM", "HIGH"];

    public static FilterSchema Filters { get; } = new(
        FilterField.Text("name"),
        FilterField.Enum("priority", Severities),
        FilterField.Enum("sodConflictSeverity", Severities),
        FilterField.Enum("assignmentMethodSeverity", Severities),
        FilterField.Enum("pastGovernanceDecisionsSeverity", Severities),
        FilterField.Enum("usageHistorySeverity", Severities),
        FilterField.Text("governanceLabel"));

    public static OrderBySchema Sorts { get; } = new(new OrderBy("priority", SortDirection.Desc), "priority", "lastAccess", "accessFrequency");

    public static FieldValue? Resolve(AccessItem item, string field)
    {
        ArgumentNullException.ThrowIfNull(item);
        return field switch
        {
            "name" => FieldValue.Text(item.Label),
            "governanceLabel" => FieldValue.Texts(item.GovernanceLabels),
            _ => RiskFields.Resolve(item.Risk, field),
        };
    }

    public static RowOrder<AccessItem> Order(OrderBy orderBy)
    {
        ArgumentNullException.ThrowIfNull(orderBy);
        return new(orderBy, orderBy.Field switch
        {
            "lastAccess" => i => SortKey.Of(i.LastAccess),
            "accessFrequency" => i => SortKey.Of((decimal)i.ApplicationUsage),
            _ => i => SortKey.Of((decimal)RiskFields.Priority(i.Risk)),
        }, i => i.Id);
    }
}

/// <summary>
/// The sub-access item list: filter on name, resourceType (GROUP, ENTITLEMENT_VALUE or ENTITLEMENT_BUNDLE), priority, the four severities and
/// governance labels (the entitlement's, else its app's); sort on priority only (default <c>priority desc</c>).
/// </summary>
public static class SubAccessItemListQuery
{
    public static FilterSchema Filters { get; } = new(
        FilterField.Text("name"),
        FilterField.Enum("resourceType", [.. SubAccessTypes.All]),
        FilterField.Enum("priority", AccessItemListQuery.Severities),
        FilterField.Enum("sodConflictSeverity", AccessItemListQuery.Severities),
        FilterField.Enum("assignmentMethodSeverity", AccessItemListQuery.Severities),
        FilterField.Enum("pastGovernanceDecisionsSeverity", AccessItemListQuery.Severities),
        FilterField.Enum("usageHistorySeverity", AccessItemListQuery.Severities),
        FilterField.Text("governanceLabel"));

    public static OrderBySchema Sorts { get; } = new(new OrderBy("priority", SortDirection.Desc), "priority");

    public static FieldValue? Resolve(SubAccessItem item, AccessItem? parent, string field)
    {
        ArgumentNullException.ThrowIfNull(item);
        return field switch
        {
            "name" => FieldValue.Text(item.Name),
            "resourceType" => FieldValue.Text(item.Type),
            "governanceLabel" => FieldValue.Texts(GovernanceLabels(item, parent)),
            _ => RiskFields.Resolve(item.Risk, field),
        };
    }

    public static IReadOnlyList<string> GovernanceLabels(SubAccessItem item, AccessItem? parent)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.EntitlementInfo?.GovernanceLabels ?? parent?.GovernanceLabels ?? [];
    }

    public static RowOrder<SubAccessItem> Order(OrderBy orderBy) =>
        new(orderBy, s => SortKey.Of((decimal)RiskFields.Priority(s.Risk)), s => s.Id);
}

/// <summary>The risk columns both item lists share. A factor that did not apply (NONE) matches no severity.</summary>
public static class RiskFields
{
    public static Severity Priority(RiskAssessment? risk) => risk?.Priority ?? Severity.LOW;

    public static FieldValue? Resolve(RiskAssessment? risk, string field) => field switch
    {
        "priority" => FieldValue.Text(Priority(risk).ToString()),
        "sodConflictSeverity" => Text(risk?.SodConflict),
        "assignmentMethodSeverity" => Text(risk?.AssignmentMethod),
        "pastGovernanceDecisionsSeverity" => Text(risk?.PastGovernanceDecisions),
        "usageHistorySeverity" => Text(risk?.UsageHistory),
        _ => null,
    };

    private static FieldValue? Text(Severity? severity) =>
        severity is null or Severity.NONE ? null : FieldValue.Text(severity.Value.ToString());
}
