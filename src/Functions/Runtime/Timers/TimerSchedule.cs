using System.Globalization;
using Cronos;

namespace AccessReviewFunctions.Functions.Runtime.Timers;

/// <summary>
/// When a timer job comes due, in either form an Azure Functions timer trigger takes: a six-field NCRONTAB expression
/// with seconds, in UTC ("0 */1 * * * *"), or a fixed interval as a TimeSpan ("00:01:00").
/// </summary>
internal abstract class TimerSchedule
{
    private const string Forms = "a six-field NCRONTAB expression with seconds, in UTC (e.g. \"0 */1 * * * *\"), "
        + "or a positive TimeSpan (e.g. \"00:01:00\")";

    /// <summary>The first due time strictly after <paramref name="after"/>.</summary>
    public abstract DateTimeOffset Next(DateTimeOffset after);

    /// <summary>How the schedule reads in logs.</summary>
    public abstract override string ToString();

    public static TimerSchedule Every(TimeSpan interval) =>
        interval > TimeSpan.Zero ? new Interval(interval) : throw new ArgumentOutOfRangeException(nameof(interval), interval, "An interval must be positive.");

    /// <exception cref="FormatException">The text is in neither form; the message quotes it and names both.</exception>
    public static TimerSchedule Parse(string text)
    {
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval))
        {
            return interval > TimeSpan.Zero ? new Interval(interval) : throw Invalid(text, "the interval is not positive");
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(text, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            // The classic five-field form is the likeliest mistake, and Cronos reports it as a stray character.
            var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            throw Invalid(text, fields == 5 ? "five fields, but the seconds field comes first and is required" : e.Message, e);
        }

        return expression.GetNextOccurrence(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc) is null
            ? throw Invalid(text, "the expression never comes due")
            : new Cron(expression, text.Trim());
    }

    private static FormatException Invalid(string text, string reason, Exception? inner = null) =>
        new($"'{text}' is not a timer schedule ({reason}); expected {Forms}.", inner);

    private sealed class Interval(TimeSpan every) : TimerSchedule
    {
        public override DateTimeOffset Next(DateTimeOffset after) => after + every;

        public override string ToString() => $"every {every}";
    }

    private sealed class Cron(CronExpression expression, string text) : TimerSchedule
    {
        // Null only past the last year Cronos computes: from then on the job never comes due.
        public override DateTimeOffset Next(DateTimeOffset after) =>
            expression.GetNextOccurrence(after, TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue;

        public override string ToString() => $"at '{text}' (UTC)";
    }
}
