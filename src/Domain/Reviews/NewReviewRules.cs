using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Values;

namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>The rules of a new security access review, and of changing one; every broken rule is reported, not just the first.</summary>
internal static class NewReviewRules
{
    /// <summary>The only kind of reviewer there is today: named users.</summary>
    public const string UserReviewers = "USER";

    public static List<Violation> Check(NewReview request, IReadOnlyList<string> reviewers, DateTimeOffset endTime, KnownUsers known, DateTimeOffset now, ReviewSettings settings)
    {
        var problems = new List<Violation>();
        ReviewName.From(request.Name, problems);
        if (UserId.From(request.PrincipalId, Fields.Principal, problems) is { } principal)
        {
            if (!known.ExistingIds.Contains(principal.Value))
            {
                problems.Add(new(Fields.Principal, ViolationCode.Unknown, $"unknown user {principal}"));
            }
            else if (known.OpenReviewsOfPrincipal >= settings.MaxOpenReviewsPerPrincipal)
            {
                problems.Add(new(Fields.Principal, ViolationCode.LimitReached,
                    $"{principal} already has {known.OpenReviewsOfPrincipal} active or pending reviews; at most {settings.MaxOpenReviewsPerPrincipal} are allowed"));
            }
        }

        CheckReviewerType(request.ReviewerType ?? string.Empty, problems);
        CheckReviewers(request.PrincipalId, reviewers, known, problems);
        CheckEndTime(endTime, now, now, settings, problems);
        ExpirationNote.From(request.ExpirationNote, problems);
        return problems;
    }

    public static List<string> Distinct(IReadOnlyList<string?>? ids) =>
        (ids ?? []).OfType<string>().Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Null when unchanged (a patch without a type); otherwise it must name user reviewers.</summary>
    public static void CheckReviewerType(string? type, List<Violation> problems)
    {
        if (type is not null and not UserReviewers)
        {
            problems.Add(new(Fields.ReviewerType, ViolationCode.NotAllowed, $"must be {UserReviewers}"));
        }
    }

    /// <summary>At least <see cref="ReviewSettings.MinDuration"/> from now, and less than <see cref="ReviewSettings.MaxDuration"/> after the review's creation.</summary>
    public static void CheckEndTime(DateTimeOffset endTime, DateTimeOffset now, DateTimeOffset created, ReviewSettings settings, List<Violation> problems)
    {
        if (endTime <= now)
        {
            problems.Add(new(Fields.EndTime, ViolationCode.OutOfRange, "must be in the future"));
        }
        else if (endTime - now < settings.MinDuration)
        {
            problems.Add(new(Fields.EndTime, ViolationCode.OutOfRange, $"must be at least {Show(settings.MinDuration)} from now"));
        }
        else if (endTime - created >= settings.MaxDuration)
        {
            problems.Add(new(Fields.EndTime, ViolationCode.OutOfRange, $"must be less than {Show(settings.MaxDuration)} after the review was created"));
        }
    }

    private static string Show(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{span.TotalDays:0} day{(span.TotalDays == 1 ? "" : "s")}" : span.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    public static void CheckReviewers(string? principalId, IReadOnlyList<string> reviewers, KnownUsers known, List<Violation> problems)
    {
        if (reviewers.Count == 0)
        {
            problems.Add(new(Fields.Reviewers, ViolationCode.Required, "at least one reviewer is required"));
        }
        else if (reviewers.Count > ReviewLimits.MaxReviewers)
        {
            problems.Add(new(Fields.Reviewers, ViolationCode.TooMany, $"at most {ReviewLimits.MaxReviewers} reviewers are allowed, got {reviewers.Count}"));
        }

        if (principalId is not null && reviewers.Contains(principalId, StringComparer.Ordinal))
        {
            problems.Add(new(Fields.Reviewers, ViolationCode.NotAllowed, "the target principal can't be one of the reviewers"));
        }

        foreach (var reviewer in reviewers)
        {
            if (UserId.From(reviewer, Fields.Reviewers, problems) is { } id && !known.ExistingIds.Contains(id.Value))
            {
                problems.Add(new(Fields.Reviewers, ViolationCode.Unknown, $"unknown user {id}"));
            }
        }
    }
}
