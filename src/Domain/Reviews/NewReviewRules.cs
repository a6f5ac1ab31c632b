namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>Okta's rules for a new security access review; every broken rule is reported, not just the first.</summary>
internal static class NewReviewRules
{
    public static List<string> Check(NewReview request, IReadOnlyList<string> reviewers, DateTimeOffset endTime, KnownUsers known, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            problems.Add("name: is required");
        }
        else if (request.Name.Trim().Length > ReviewLimits.MaxNameLength)
        {
            problems.Add($"name: must be at most {ReviewLimits.MaxNameLength} characters");
        }

        if (string.IsNullOrWhiteSpace(request.PrincipalId))
        {
            problems.Add("principalId: is required");
        }
        else if (!known.ExistingIds.Contains(request.PrincipalId))
        {
            problems.Add($"principalId: unknown user {request.PrincipalId}");
        }

        if (request.ReviewerType is not "USER")
        {
            problems.Add("reviewerSettings.type: must be USER");
        }

        CheckReviewers(request, reviewers, known, problems);
        if (endTime <= now)
        {
            problems.Add("endTime: must be in the future");
        }

        return problems;
    }

    private static void CheckReviewers(NewReview request, IReadOnlyList<string> reviewers, KnownUsers known, List<string> problems)
    {
        if (reviewers.Count == 0)
        {
            problems.Add("reviewerSettings.userSettings.includedUserIds: at least one reviewer is required");
        }
        else if (reviewers.Count > ReviewLimits.MaxReviewers)
        {
            problems.Add($"reviewerSettings.userSettings.includedUserIds: at most {ReviewLimits.MaxReviewers} reviewers are allowed, got {reviewers.Count}");
        }

        if (request.PrincipalId is not null && reviewers.Contains(request.PrincipalId, StringComparer.Ordinal))
        {
            problems.Add("reviewerSettings.userSettings.includedUserIds: the target principal can't be one of the reviewers");
        }

        foreach (var unknown in reviewers.Where(r => !known.ExistingIds.Contains(r)))
        {
            problems.Add($"reviewerSettings.userSettings.includedUserIds: unknown user {unknown}");
        }
    }
}
