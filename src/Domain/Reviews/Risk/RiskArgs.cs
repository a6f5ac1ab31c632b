using System.Globalization;

namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>Builds anomaly arguments in the seed's formats: UTC instants to the second, invariant integers.</summary>
internal static class RiskArgs
{
    public static AnomalyArg RelativeDate(DateTimeOffset at) => new(Iso(at), AnomalyArgTypes.RelativeDateToNow);

    public static AnomalyArg Date(DateTimeOffset at) => RelativeDate(at);

    public static AnomalyArg Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), AnomalyArgTypes.Number);

    public static AnomalyArg Text(string value) => new(value, AnomalyArgTypes.Text);

    public static Anomaly Anomaly(AnomalyType type, Severity severity, string message, params AnomalyArg[] args) =>
        new(type, severity, new AnomalySubtext(message, args));

    public static Anomaly Anomaly(AnomalyType type, Severity severity, SodConflict conflict, string message, params AnomalyArg[] args) =>
        new(type, severity, new AnomalySubtext(message, args), [conflict]);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
