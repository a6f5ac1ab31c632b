namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>The columns of an audit row besides its JSON: what the System Log query filters on server-side.</summary>
internal static class AuditColumns
{
    public const string Json = "Json";
    public const string Published = "Published";
    public const string EventType = "EventType";
}
