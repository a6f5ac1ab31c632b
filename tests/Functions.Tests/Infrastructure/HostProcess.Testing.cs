namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>The tests' child host: the build the tests reference, against the shared test Azurite.</summary>
internal sealed partial class HostProcess
{
    public static Task<HostProcess> StartAsync(string prefix, IDictionary<string, string>? settings = null) =>
        StartAsync(AppContext.BaseDirectory, TestStorage.ConnectionString, ApiHost.SigningKey, prefix, settings);
}
