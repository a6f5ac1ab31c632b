using System.Security.Cryptography;
using System.Text;

namespace AccessReviewFunctions.Functions.Okta.Accesses;

/// <summary>
/// The inventory's governance labels as Okta's label objects: the value, and a color of their own that the inventory
/// does not keep, picked from a fixed palette by the label's text so it is the same everywhere.
/// </summary>
internal static class GovernanceLabels
{
    private static readonly string[] Palette = ["#1662dd", "#0b8a5f", "#c26d00", "#c2185b", "#6b4fbb", "#00838f", "#8d6e63", "#546e7a"];

    public static IReadOnlyList<GovernanceLabelDto> Of(IEnumerable<string> labels) =>
        [.. labels.Select(l => new GovernanceLabelDto(l, Palette[SHA256.HashData(Encoding.UTF8.GetBytes(l))[0] % Palette.Length]))];
}
