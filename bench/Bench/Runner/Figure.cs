using System.Globalization;

namespace AccessReviewFunctions.Bench;

/// <summary>A target a figure is held to: at least, or under, <paramref name="Value"/>.</summary>
internal sealed record Target(double Value, bool AtLeast)
{
    public static Target Min(double value) => new(value, true);

    public static Target Under(double value) => new(value, false);

    public bool MetBy(double figure) => AtLeast ? figure >= Value : figure < Value;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(AtLeast ? "≥" : "<")} {Value:#,0.##}");
}

/// <summary>One measured quantity of a scenario; <paramref name="EndToEnd"/> figures are shown beside the raw storage ceiling.</summary>
internal sealed record Figure(string Scenario, string Name, string Unit, Target? Target = null, bool EndToEnd = false);

/// <summary>A figure's values over the runs, and the runs that ended at the time bound before giving it.</summary>
internal sealed class Series(Figure figure)
{
    private readonly List<double> values = [];

    public Figure Figure => figure;

    public IReadOnlyList<double> Values => values;

    public string? Missing { get; private set; }

    public void Add(double value) => values.Add(value);

    public void Miss(string why) => Missing ??= why;

    public double Median => Sorted()[Sorted().Length / 2] is var upper && Sorted().Length % 2 == 0
        ? (Sorted()[(Sorted().Length / 2) - 1] + upper) / 2
        : upper;

    public double Min => values.Min();

    public double Max => values.Max();

    /// <summary>"met", "MISSED" or "—" (no target); a figure with a time-bound miss and no value is missed.</summary>
    public string Verdict => figure.Target is null ? "—"
        : values.Count == 0 || Missing is not null && figure.Target.AtLeast ? "MISSED"
        : figure.Target.MetBy(Median) ? "met" : "MISSED";

    private double[] Sorted() => [.. values.Order()];
}
