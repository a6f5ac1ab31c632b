using System.Globalization;

namespace AccessReviewFunctions.Bench;

/// <summary><c>--name value</c> options and <c>--flag</c> switches of a bench; a bad argument throws a
/// <see cref="FormatException"/> that says which.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string?> given = [];

    public BenchArgs(string[] args, IReadOnlySet<string> options, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i]))
            {
                given[args[i]] = null;
            }
            else if (options.Contains(args[i]) && i + 1 < args.Length)
            {
                given[args[i]] = args[++i];
            }
            else
            {
                throw new FormatException($"unknown or incomplete argument {args[i]}");
            }
        }
    }

    public bool Flag(string name) => given.ContainsKey(name);

    public string? Text(string name) => given.GetValueOrDefault(name);

    /// <summary>The number given for <paramref name="name"/>, positive (or at least 0 with <paramref name="zero"/>).</summary>
    public double Number(string name, double fallback, bool zero = false) => given.TryGetValue(name, out var text)
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && (n > 0 || (zero && n == 0))
            ? n
            : throw new FormatException($"{name} needs a {(zero ? "non-negative" : "positive")} number")
        : fallback;
}
