namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>
/// A separation-of-duties rule: nobody should hold both resources. A resource id may be an app, group or
/// entitlement value id.
/// </summary>
public sealed record SodRule(string Id, string Name, string ResourceIdA, string ResourceIdB, Severity Severity);
