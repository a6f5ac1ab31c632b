namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>The resources the principal holds (apps, groups, entitlement values, bundles) by id, with a display name each.</summary>
public sealed class HeldResources(IReadOnlyDictionary<string, string> names)
{
    public bool Contains(string resourceId) => names.ContainsKey(resourceId);

    /// <summary>The display name, or the id itself when none is known.</summary>
    public string NameOf(string resourceId) => names.GetValueOrDefault(resourceId, resourceId);

    public static HeldResources Of(IEnumerable<string> ids) => new(ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => id, StringComparer.Ordinal));
}
