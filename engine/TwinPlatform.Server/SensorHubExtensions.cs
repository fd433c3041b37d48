using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Server;

/// <summary>Registration of the sensor hub in an ASP.NET Core application.</summary>
public static class SensorHubExtensions
{
    /// <summary>
    /// Adds SignalR with the MessagePack protocol (sensor wire formatters first), the given source
    /// and a <see cref="HubTwinStatePublisher"/> registered as <see cref="ITwinStatePublisher"/>.
    /// </summary>
    public static IServiceCollection AddSensorHub(this IServiceCollection services, HubSensorSource source, long maximumReceiveMessageSizeInBytes = 4L * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(source);
        services.AddSingleton(source);
        services.AddSingleton<StateSubscriptions>();
        services.AddSingleton<HubTwinStatePublisher>();
        services.AddSingleton<ITwinStatePublisher>(sp => sp.GetRequiredService<HubTwinStatePublisher>());
        services.AddSignalR(o => o.MaximumReceiveMessageSize = maximumReceiveMessageSizeInBytes)
            .AddMessagePackProtocol(o => o.SerializerOptions = SensorWireResolver.Extend(o.SerializerOptions));
        return services;
    }

    /// <summary>Maps <see cref="SensorHub"/> at <see cref="SensorHub.Path"/>.</summary>
    public static HubEndpointConventionBuilder MapSensorHub(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapHub<SensorHub>(SensorHub.Path);
    }
}
