using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Functions.Common;

/// <summary>A dialect's route group answers a domain error thrown by a handler in that dialect's body.</summary>
internal static class DomainErrorFilter
{
    public static RouteGroupBuilder WithDomainErrors(this RouteGroupBuilder group, Func<DomainException, IResult> map)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (DomainException e)
            {
                return map(e);
            }
        });
        return group;
    }
}
