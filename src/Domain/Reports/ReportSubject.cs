namespace AccessReviewFunctions.Domain.Reports;

/// <summary>What a report is about.</summary>
public enum ReportType
{
    /// <summary>Every access of one user (OPA user access report).</summary>
    USER,

    /// <summary>Every access to one resource (OPA resource access report).</summary>
    RESOURCE,

    /// <summary>Every access of every member of one group, in one report.</summary>
    GROUP,

    /// <summary>The evidence of one security access review: its items and their decisions.</summary>
    REVIEW_EVIDENCE,
}

/// <summary>The report's type and the id it was requested for; ResourceType is OPA's resource type ("server").</summary>
public sealed record ReportSubject(ReportType Type, string Id, string? ResourceType = null)
{
    public const string ServerResourceType = "server";
}
