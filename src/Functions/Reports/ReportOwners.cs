namespace AccessReviewFunctions.Functions.Reports;

/// <summary>Who a report belongs to, one namespace per kind, so that no team name can read a review's exports.</summary>
internal static class ReportOwners
{
    public static string Team(string teamName) => "team:" + teamName;

    public static string Review(string reviewId) => "review:" + reviewId;
}
