using System.Text.RegularExpressions;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>
/// Names of tables, queues and containers, behind an optional prefix ("Storage:Prefix") so several hosts,
/// or several tests, can share one storage account without seeing each other.
/// </summary>
internal sealed partial class StorageNames
{
    public StorageNames(IConfiguration configuration)
        : this(configuration["Storage:Prefix"] ?? string.Empty)
    {
    }

    public StorageNames(string prefix)
    {
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            throw new InvalidOperationException("Storage:Prefix must be 1-20 lowercase letters or digits, starting with a letter.");
        }

        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>A table name: letters and digits only.</summary>
    public string Table(string name) => Prefix + name;

    /// <summary>A queue or container name: lowercase, hyphens allowed.</summary>
    public string Queue(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";

    public string Container(string name) => Queue(name);

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$")]
    private static partial Regex PrefixPattern();
}
