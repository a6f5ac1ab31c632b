namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>Okta's rules for a new security access review; every broken rule is reported, not just the first.</summary>
internal static class NewReviewRules
{
    public static List<string> Check(NewReview request, IReadOnlyList<string> reviewers, DateTimeOffset endTime, KnownUsers known, DateTimeOffset now, ReviewSettings settings)
    {
        var problems = new List<string>();
        CheckName(request.Name, problems);

        if (string.IsNullOrWhiteSpace(request.PrincipalId))
        {
            problems.Add("principalId: is required");
        }
        else if (!known.ExistingIds.Contains(request.PrincipalId))
        {
            problems.Add($"principalId: unknown user {request.PrincipalId}");
        }
        else if (known.OpenReviewsOfPrincipal >= settings.MaxOpenReviewsPerPrincipal)
        {
            problems.Add($"principalId: {request.PrincipalId} already has {known.OpenReviewsOfPrincipal} active or pending reviews; at most {settings.MaxOpenReviewsPerPrincipal} are allowed");
        }

        if (request.ReviewerType is not "USER")
        {
            problems.Add("reviewerSettings.type: must be USER");
        }

        CheckReviewers(request.PrincipalId, reviewers, known, problems);
        CheckEndTime(endTime, now, problems);
        CheckNote(request.ExpirationNote, problems);
        return problems;
    }

    public static List<string> Distinct(IReadOnlyList<string>? ids) =>
        (ids ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();

    public static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    public static void CheckName(string? name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("name: is required");
        }
        else if (name.Trim().Length > ReviewLimits.MaxNameLength)
        {
            problems.Add($"name: must be at most {ReviewLimits.MaxNameLength} characters");
        }
    }

    public static void CheckEndTime(DateTimeOffset endTime, DateTimeOffset now, List<string> problems)
    {
        if (endTime <= now)
        {
            problems.Add("endTime: must be in the future");
        }
    }

    public static void CheckNote(string? note, List<string> problems)
    {
        if (note is { Length: > ReviewLimits.MaxCommentLength })
        {
            problems.Add($"expirationNote: must be at most {ReviewLimits.MaxCommentLength} characters");
        }
    }

    public static void CheckReviewers(string? principalId, IReadOnlyList<string> reviewers, KnownUsers known, List<string> problems)
    {
        if (reviewers.Count == 0)
        {
            problems.Add("reviewerSettings.userSettings.includedUserIds: at least one reviewer is required");
        }
        else if (reviewers.Count > ReviewLimits.MaxReviewers)
        {
            problems.Add($"reviewerSettings.userSettings.includedUserIds: at most {ReviewLimits.MaxReviewers} reviewers are allowed, got {reviewers.Count}");
        }

        if (principalId is not null && reviewers.Contains(principalId, StringComparer.Ordinal))
        {
            problems.Add("reviewerSettings.userSettings.includedUserIds: the target principal can't be one of the reviewers");
        }

        foreach (var unknown in reviewers.Where(r => !known.ExistingIds.Contains(r)))
        {
            problems.Add($"reviewerSettings.userSettings.includedUserIds: unknown user {unknown}");
        }
    }
}
