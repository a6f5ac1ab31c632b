namespace AccessReviewFunctions.Functions.Oracle;

/// <summary>
/// <c>opc-request-id</c> on the Oracle routes: the client's id is echoed on every response, errors included; one is
/// generated when the request has none. Only letters, digits, underscore and dash (at most 200 characters) are
/// accepted: anything else is a 400, answered with a generated id.
/// </summary>
internal static class OracleRequestIds
{
    public const string Header = "opc-request-id";
    public const int MaxLength = 200;

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Place before authentication, so a 401 and a 429 carry the id too.</summary>
    public static void UseOracleRequestIds(this IApplicationBuilder app) =>
        app.UseWhen(OracleDialect.Owns, branch => branch.Use(async (context, next) =>
        {
            var given = context.Request.Headers[Header];
            var valid = given.Count == 0 || (given.Count == 1 && IsValid(given[0]!));
            var id = valid && given.Count == 1 ? given[0]! : Guid.NewGuid().ToString("N").ToUpperInvariant();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            if (!valid)
            {
                await OracleErrors.Invalid($"{Header}: only letters, digits, underscore and dash, at most {MaxLength} characters").ExecuteAsync(context);
                return;
            }

            await next(context);
        }));
}
