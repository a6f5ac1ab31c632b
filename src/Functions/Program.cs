using AccessReviewFunctions.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAccessReviewHost();

var app = builder.Build();
app.UseAccessReviewPipeline();
app.MapAccessReviewEndpoints();
app.Run();

public partial class Program;
