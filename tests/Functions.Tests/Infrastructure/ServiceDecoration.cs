using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

internal static class ServiceDecoration
{
    /// <summary>Wraps the registered TService in a decorator, keeping its lifetime.</summary>
    public static void Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(TService), sp => decorate((TService)Create(original, sp), sp), original.Lifetime));
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
