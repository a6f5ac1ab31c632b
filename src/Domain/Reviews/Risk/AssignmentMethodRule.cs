using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>How common this item's assignment type is among the app's users (the principal included).</summary>
internal static class AssignmentMethodRule
{
    public static Anomaly Assess(string? assignmentType, string subject, AppAssignmentStats? stats)
    {
        var total = stats?.UsersByAssignmentType.Values.Sum() ?? 0;
        if (stats is null || total <= 0 || !Enum.TryParse<AssignmentType>(assignmentType, ignoreCase: false, out var type) || !Enum.IsDefined(type))
        {
            return RiskArgs.Anomaly(AnomalyType.ASSIGNMENT_METHOD, Severity.LOW, "No data found. The assignment method can't be compared with other users");
        }

        var same = stats.UsersByAssignmentType.GetValueOrDefault(type);
        var percent = (int)Math.Round(100m * same / total, MidpointRounding.AwayFromZero);

        // Thresholds compare exact counts so rounding the shown percentage never moves an item across one.
        var severity = same * 4 < total ? Severity.HIGH : same * 2 < total ? Severity.MEDIUM : Severity.LOW;
        return severity == Severity.LOW
            ? RiskArgs.Anomaly(AnomalyType.ASSIGNMENT_METHOD, severity, $"The user was assigned to the {subject} {How(type, subject)}, aligning with {{0}}% of users who were assigned the same way", RiskArgs.Number(percent))
            : RiskArgs.Anomaly(AnomalyType.ASSIGNMENT_METHOD, severity, "This user's assignment method differs from {0}% of other users who have access to this application.", RiskArgs.Number(100 - percent));
    }

    private static string How(AssignmentType type, string subject) => type switch
    {
        AssignmentType.GROUP when subject != "group" => "through a group",
        AssignmentType.ACCESS_REQUEST => "through an access request",
        _ => "directly",
    };
}
