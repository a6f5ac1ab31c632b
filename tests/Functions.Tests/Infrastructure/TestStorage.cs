namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>One Azurite for the whole test run, started on first use and killed when the process exits.</summary>
internal static class TestStorage
{
    private static readonly Lazy<Azurite> Instance = new(() =>
    {
        var azurite = Azurite.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    });

    public static string ConnectionString => Instance.Value.ConnectionString;
}
