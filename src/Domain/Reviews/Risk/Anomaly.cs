namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>One risk factor of an access item, as Okta's anomalies endpoint lists it.</summary>
public sealed record Anomaly(AnomalyType Type, Severity Severity, AnomalySubtext Subtext);

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
        Type is AnomalyArgTypes.Date or AnomalyArgTypes.RelativeDateToNow && Value.Length >= 10 ? Value[..10] : Value;
}

/// <summary>The argument types of anomaly subtexts, with Okta's spellings.</summary>
public static class AnomalyArgTypes
{
    /// <summary>An ISO-8601 instant the client shows relative to now ("3 days ago").</summary>
    public const string RelativeDateToNow = "RELATIVE_DATE_TO_NOW";

    /// <summary>An ISO-8601 instant shown as a date.</summary>
    public const string Date = "DATE";

    public const string Number = "NUMBER";

    public const string Text = "STRING";
}
