using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>
/// A deterministic demo inventory: 300 users, 30 applications with groups, entitlements and bundles, and grants of
/// every assignment type, some unused for more than 90 days and some never used; 36 servers and access methods on them.
/// Same reference date, same document.
/// </summary>
public static class DemoInventory
{
    public const string AdminId = "00uadmin000000000001";
    public const string TargetId = "00utarget00000000001";
    public const string EmailDomain = "acme.example";
    public const int UserCount = 300;

    public static readonly IReadOnlyList<string> ReviewerIds = ["00ureviewer000000001", "00ureviewer000000002", "00ureviewer000000003"];

    /// <summary>The demo applications in order: (slug, label, governance labels). Ids are "0oa" + slug padded with zeros to 20.</summary>
    internal static readonly (string Slug, string Label, string[] Labels)[] Apps =
    [
        ("salesforce", "Salesforce", ["SOX", "PII"]),
        ("github", "GitHub", ["Source Code"]),
        ("awsconsole", "AWS Console", ["Production", "Critical"]),
        ("workday", "Workday", ["PII", "SOX"]),
        ("slack", "Slack", []),
        ("zoom", "Zoom", []),
        ("googlews", "Google Workspace", ["PII"]),
        ("office365", "Microsoft 365", ["PII"]),
        ("jira", "Jira", []),
        ("confluence", "Confluence", []),
        ("servicenow", "ServiceNow", ["ITSM"]),
        ("zendesk", "Zendesk", ["PII"]),
        ("hubspot", "HubSpot", ["PII"]),
        ("docusign", "DocuSign", ["Legal"]),
        ("box", "Box", ["Confidential"]),
        ("dropbox", "Dropbox", []),
        ("oktaadmin", "Okta Admin Console", ["Critical", "Identity"]),
        ("azureportal", "Azure Portal", ["Production", "Critical"]),
        ("gcpconsole", "Google Cloud Console", ["Production"]),
        ("datadog", "Datadog", ["Production"]),
        ("pagerduty", "PagerDuty", []),
        ("snowflake", "Snowflake", ["PII", "SOX"]),
        ("tableau", "Tableau", []),
        ("netsuite", "NetSuite", ["SOX", "Financial"]),
        ("concur", "SAP Concur", ["Financial"]),
        ("greenhouse", "Greenhouse", ["PII"]),
        ("bamboohr", "BambooHR", ["PII"]),
        ("coupa", "Coupa", ["Financial"]),
        ("figma", "Figma", []),
        ("onepassword", "1Password", ["Critical"]),
    ];

    /// <summary>The application ids of the target principal's grants.</summary>
    internal static readonly int[] TargetApps = [0, 1, 2, 3, 4, 7, 8, 16, 17, 21, 23, 29];

    public static string AppId(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return "0oa" + slug.PadRight(17, '0');
    }

    public static InventoryDocument Create(DateTimeOffset referenceDate)
    {
        var random = new Random(42);
        var catalog = DemoCatalog.Create(random);
        var users = DemoPeople.Create(random, referenceDate);
        var grants = new DemoGrants(random, referenceDate, catalog, users).Create();
        var servers = DemoServers.Servers();
        return new InventoryDocument(
            users, catalog.Applications, catalog.Groups, catalog.Entitlements, catalog.Bundles, grants, SodRules(catalog), servers, DemoServers.Accesses(servers, users));
    }

    /// <summary>
    /// Three separation-of-duties rules: two HIGH ones the target principal breaks (NetSuite's first entitlement value vs
    /// Workday; GitHub's first group vs Jira) and a MEDIUM one on applications the target does not hold (SAP Concur vs Coupa).
    /// Built from the catalog without drawing random numbers, so the rest of the demo is unchanged.
    /// </summary>
    private static IReadOnlyList<SodRule> SodRules(DemoCatalog catalog) =>
    [
        new("sodpayments000000001", "Create and approve payments", catalog.ValuesOf(AppId("netsuite"))[0].Id, AppId("workday"), Severity.HIGH),
        new("sodchanges0000000001", "Deploy and approve changes", catalog.GroupsOf(AppId("github"))[0].Id, AppId("jira"), Severity.HIGH),
        new("sodexpenses000000001", "Submit and approve expenses", AppId("concur"), AppId("coupa"), Severity.MEDIUM),
    ];
}
