namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

internal sealed partial class HostProcess
{
    /// <summary>A child host over the shared test Azurite, signing development tokens with the tests' key.</summary>
    public static Task<HostProcess> StartAsync(string prefix, IDictionary<string, string>? settings = null) =>
        StartAsync(TestStorage.ConnectionString, prefix, new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Auth__SigningKey"] = ApiHost.SigningKey });
}
