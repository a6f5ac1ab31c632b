using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Tests.Inventory;

public sealed class SodRuleValidationTests
{
    private const string GroupId = "00g00000000000000001";
    private const string ValueId = "ent00000000000000001";
    private const string AppId = "0oa00000000000000001";

    [Fact]
    public void Validate_RulesOverAppGroupAndValue_NoProblems()
    {
        var rules = new[] { Sample.Rule(), Sample.Rule("sod2", AppId, GroupId, Severity.LOW), Sample.Rule("sod3", ValueId, AppId, Severity.MEDIUM) };

        Assert.Empty(Sample.Validate(Sample.Document(sodRules: rules)));
    }

    [Fact]
    public void Validate_RuleIdMissingInvalidOrDuplicate_Reported()
    {
        var rules = new[] { Sample.Rule(id: null!), Sample.Rule(id: "bad id"), Sample.Rule("sod1"), Sample.Rule("sod1") };

        var problems = Sample.Validate(Sample.Document(sodRules: rules));

        Assert.Equal(
        [
            "sodRules[0].id: required",
            "sodRules[1].id: invalid id bad id: use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit",
            "sodRules[3].id: duplicate id sod1 (also sodRules[2])",
        ],
            problems);
    }

    [Fact]
    public void Validate_RuleNameAndResourcesMissing_Reported()
    {
        var rule = Sample.Rule() with { Name = " ", ResourceIdA = null!, ResourceIdB = "" };

        var problems = Sample.Validate(Sample.Document(sodRules: [rule]));

        Assert.Equal(["sodRules[0].name: required", "sodRules[0].resourceIdA: required", "sodRules[0].resourceIdB: required"], problems);
    }

    [Fact]
    public void Validate_SameResourceOnBothSides_Reported()
    {
        var problems = Sample.Validate(Sample.Document(sodRules: [Sample.Rule(a: GroupId, b: GroupId)]));

        Assert.Equal([$"sodRules[0].resourceIdB: must differ from resourceIdA {GroupId}"], problems);
    }

    [Fact]
    public void Validate_UnknownResource_Reported()
    {
        var problems = Sample.Validate(Sample.Document(sodRules: [Sample.Rule(a: "0oa999", b: "enbnope")]));

        Assert.Equal(
            ["sodRules[0].resourceIdA: unknown application, group or entitlement value 0oa999", "sodRules[0].resourceIdB: unknown application, group or entitlement value enbnope"],
            problems);
    }

    [Theory]
    [InlineData(Severity.NONE)]
    [InlineData((Severity)(-1))]
    public void Validate_SeverityNotLowMediumOrHigh_Reported(Severity severity)
    {
        var problems = Sample.Validate(Sample.Document(sodRules: [Sample.Rule(severity: severity)]));

        Assert.Equal(["sodRules[0].severity: must be one of LOW, MEDIUM, HIGH"], problems);
    }

    [Fact]
    public void Validate_NullRule_Reported()
    {
        var problems = Sample.Validate(Sample.Document(sodRules: [null!]));

        Assert.Equal(["sodRules[0]: must not be null"], problems);
    }

    [Fact]
    public void UnresolvedReferences_RuleSidesNotInDocument_ResolveAgainstStored()
    {
        var document = InventoryDocument.Empty with { SodRules = [Sample.Rule(a: "0oastored", b: "entstored"), Sample.Rule("sod2", "00gstored", "0oastored")] };

        var references = InventoryValidator.UnresolvedReferences(document);
        var stored = StoredInventoryIds.None with
        {
            Resources = new Dictionary<string, IReadOnlyList<string>> { ["0oastored"] = [], ["00gstored"] = [], ["entstored"] = ["espstored"] },
        };

        Assert.False(references.IsEmpty);
        Assert.Equal(["00gstored", "0oastored", "entstored"], references.ResourceIds.Order(StringComparer.Ordinal));
        Assert.Empty(Sample.Validate(document, stored));
        Assert.Equal(4, Sample.Validate(document).Count);
    }

    [Fact]
    public void UnresolvedReferences_RuleSidesInDocument_NotLookedUp()
    {
        var references = InventoryValidator.UnresolvedReferences(Sample.Document(sodRules: [Sample.Rule(), Sample.Rule("sod2", AppId, GroupId)]));

        Assert.Empty(references.ResourceIds);
    }

    [Fact]
    public void Validate_StoredValueOfRedefinedEntitlement_UnknownToRule()
    {
        var document = Sample.Document(entitlements: [Sample.Entitlement("espstored", valueIds: ValueId)], sodRules: [Sample.Rule(a: GroupId, b: "entold")]);
        var stored = StoredInventoryIds.None with { Resources = new Dictionary<string, IReadOnlyList<string>> { ["entold"] = ["espstored"] } };

        var problems = Sample.Validate(document, stored);

        Assert.Equal(["sodRules[0].resourceIdB: unknown application, group or entitlement value entold"], problems);
    }

    [Fact]
    public void Normalized_AbsentSodRules_Empty()
    {
        var document = Sample.Document() with { SodRules = null! };

        Assert.Empty(Sample.Validate(document));
        Assert.Empty(document.Normalized().SodRules);
        Assert.Empty(InventoryDocument.Empty.SodRules);
    }
}
