using AccessReviewFunctions.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAccessReviewHost();

var app = builder.Build();
app.UseAccessReviewPipeline();
app.MapAccessReviewEndpoints();
app.Run();

/// <summary>The entry point; public because WebApplicationFactory&lt;Program&gt; in the tests and benches starts it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "WebApplicationFactory<Program> needs it.")]
public partial class Program;
