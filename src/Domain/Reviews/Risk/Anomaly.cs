namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>One risk factor of an access item, as Okta's anomalies endpoint lists it.</summary>
public sealed record Anomaly(AnomalyType Type, Severity Severity, AnomalySubtext Subtext, IReadOnlyList<SodConflict>? SodConflicts = null);

/// <summary>The separation-of-duties rule behind a SOD_CONFLICT anomaly, and the two resources it keeps apart.</summary>
public sealed record SodConflict(string RuleId, string RuleName, IReadOnlyList<SodConflictSide> Sides);

/// <summary>One side of a conflict: the resource, its display name, and whether it is the reviewed item's own (the source of the conflict).</summary>
public sealed record SodConflictSide(string ResourceId, string Name, bool SourceOfConflict);

/// <summary>An explanation with <c>{0}</c>-style placeholders filled from <see cref="Args"/> by the client.</summary>
public sealed record AnomalySubtext(string Message, IReadOnlyList<AnomalyArg> Args)
{
    /// <summary>The message with each placeholder replaced by its argument's value, for plain-text summaries.</summary>
    public string Render()
    {
        var text = Message;
        for (var i = 0; i < Args.Count; i++)
        {
            text = text.Replace("{" + i + "}", Args[i].Display(), StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>One placeholder value; <see cref="Type"/> is one of <see cref="AnomalyArgTypes"/>.</summary>
public sealed record AnomalyArg(string Value, string Type)
{
    internal string Display() =>
        Type is AnomalyArgTypes.RelativeDateToNow && Value.Length >= 10 ? Value[..10] : Value;
}

/// <summary>The argument types of anomaly subtexts, with Okta's spellings; there are only these three.</summary>
public static class AnomalyArgTypes
{
    /// <summary>An ISO-8601 instant the client shows relative to now ("3 days ago"); every date argument is one.</summary>
    public const string RelativeDateToNow = "RELATIVE_DATE_TO_NOW";

    public const string Number = "NUMBER";

    public const string Text = "STRING";
}
