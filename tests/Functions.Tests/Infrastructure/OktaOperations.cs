namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>One operation of Okta's description of security access reviews: method, route template, id and success status.</summary>
internal sealed record OktaOperation(string Method, string Template, string Id, int Success);

/// <summary>
/// The 30 operations of Okta's description (tests/Conformance.Tests/OpenApi), as a table the host's own OpenAPI
/// document is checked against in Functions.Tests (which cannot load Okta's description, see Conformance.Tests.csproj);
/// Conformance.Tests checks this table against the description itself, so it cannot drift. Every one of them also
/// declares 401, 403, 404, 429 and 500.
/// </summary>
internal static class OktaOperations
{
    public static readonly IReadOnlyList<int> ErrorStatuses = [401, 403, 404, 429, 500];

    public static readonly IReadOnlyList<OktaOperation> All =
    [
        new("GET", "/governance/api/v2/my/security-access-reviews", "listMySecurityAccessReviews", 200),
        new("GET", "/governance/api/v2/my/security-access-reviews/stats", "getMySecurityAccessReviewsStats", 200),
        new("GET", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}", "getMySecurityAccessReview", 200),
        new("GET", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/accesses", "listMySecurityAccessReviewAccesses", 200),
        new("GET", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewAccessId}/sub-accesses", "listMySecurityAccessReviewSubAccesses", 200),
        new("POST", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewTargetId}/actions", "executeMySecurityAccessReviewAccessesAction", 202),
        new("GET", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewTargetId}/anomalies", "listMySecurityAccessReviewAccessesAnomalies", 200),
        new("POST", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewTargetId}/summary", "generateMySecurityAccessReviewAccessesSummary", 200),
        new("GET", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/actions", "listMySecurityAccessReviewActions", 200),
        new("POST", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/actions", "executeMySecurityAccessReviewAction", 202),
        new("POST", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/comment", "addMySecurityAccessReviewComment", 204),
        new("GET", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/history", "listMySecurityAccessReviewHistory", 200),
        new("GET", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/principal", "getMySecurityAccessReviewPrincipalDetails", 200),
        new("POST", "/governance/api/v2/my/security-access-reviews/{securityAccessReviewId}/summary", "generateMySecurityAccessReviewSummary", 200),
        new("GET", "/governance/api/v2/security-access-reviews", "listSecurityAccessReviews", 200),
        new("POST", "/governance/api/v2/security-access-reviews", "createSecurityAccessReview", 202),
        new("GET", "/governance/api/v2/security-access-reviews/stats", "getSecurityAccessReviewsStats", 200),
        new("GET", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}", "getSecurityAccessReview", 200),
        new("PATCH", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}", "updateSecurityAccessReview", 200),
        new("GET", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/accesses", "listSecurityAccessReviewAccesses", 200),
        new("GET", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewAccessId}/sub-accesses", "listSecurityAccessReviewSubAccesses", 200),
        new("POST", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewTargetId}/actions", "executeSecurityAccessReviewAccessesAction", 202),
        new("GET", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewTargetId}/anomalies", "listSecurityAccessReviewAccessesAnomalies", 200),
        new("POST", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/accesses/{securityAccessReviewTargetId}/summary", "generateSecurityAccessReviewAccessesSummary", 200),
        new("GET", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/actions", "listSecurityAccessReviewActions", 200),
        new("POST", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/actions", "executeSecurityAccessReviewAction", 202),
        new("POST", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/comment", "addSecurityAccessReviewComment", 204),
        new("GET", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/history", "listSecurityAccessReviewHistory", 200),
        new("GET", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/principal", "getSecurityAccessReviewPrincipalDetails", 200),
        new("POST", "/governance/api/v2/security-access-reviews/{securityAccessReviewId}/summary", "generateSecurityAccessReviewSummary", 200),
    ];
}
