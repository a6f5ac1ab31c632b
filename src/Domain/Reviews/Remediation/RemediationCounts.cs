namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>The review's remediation per status, and when every one of them last reached a terminal state.</summary>
public sealed record RemediationCounts(int Pending = 0, int InProgress = 0, int Succeeded = 0, int Failed = 0, int Fixed = 0, DateTimeOffset? SettledAt = null)
{
    public static readonly RemediationCounts None = new();

    public int Total => Pending + InProgress + Succeeded + Failed + Fixed;

    /// <summary>Something was remediated and nothing is left to do.</summary>
    public bool Settled => Total > 0 && Pending + InProgress == 0;

    /// <summary>The counts after one item's remediation went from one status (none: it had none) to another.</summary>
    public RemediationCounts Move(RemediationStatus? from, RemediationStatus? to) => from == to ? this : Add(from, -1).Add(to, 1);

    /// <summary>Stamps or clears the time everything reached a terminal state; never while decisions wait to be applied to the rows.</summary>
    public RemediationCounts Settle(DateTimeOffset now, bool decisionsPending) => this with { SettledAt = Settled && !decisionsPending ? SettledAt ?? now : null };

    private RemediationCounts Add(RemediationStatus? status, int delta) => status switch
    {
        RemediationStatus.PENDING => this with { Pending = Pending + delta },
        RemediationStatus.IN_PROGRESS => this with { InProgress = InProgress + delta },
        RemediationStatus.SUCCEEDED => this with { Succeeded = Succeeded + delta },
        RemediationStatus.FAILED => this with { Failed = Failed + delta },
        RemediationStatus.FIXED => this with { Fixed = Fixed + delta },
        _ => this,
    };
}
