using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Server;

/// <summary>
/// Runs the sensor hub in-process on Kestrel (<c>http://127.0.0.1:PORT/hubs/sensors</c>): start it,
/// hand <see cref="Source"/> to the runtime and <see cref="StatePublisher"/> to whatever pushes twin state, stop it.
/// </summary>
public sealed class SensorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private SensorServer(WebApplication app, HubSensorSource source, Uri address)
    {
        _app = app;
        Source = source;
        Address = address;
        StatePublisher = app.Services.GetRequiredService<HubTwinStatePublisher>();
    }

    /// <summary>The listening address, for example <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The hub's URL.</summary>
    public Uri HubUrl => new(Address, SensorHub.Path);

    /// <summary>Samples gateways have pushed, for the runtime.</summary>
    public HubSensorSource Source { get; }

    /// <summary>Pushes twin state to subscribers.</summary>
    public HubTwinStatePublisher StatePublisher { get; }

    /// <summary>Builds and starts the server; returns once it listens.</summary>
    /// <param name="options">Address, port and limits.</param>
    /// <param name="converter">Checks messages (against a scene's sensors when it has them) and converts to SI.</param>
    /// <param name="cancellationToken">Aborts the start.</param>
    public static async Task<SensorServer> StartAsync(SensorServerOptions options, SensorMessageConverter converter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(converter);
        var source = new HubSensorSource(converter, options.QueueCapacity, options.MaxBatchSize);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SensorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(options.MinimumLogLevel);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.Host), options.Port));
        builder.Services.AddSensorHub(source, options.MaximumReceiveMessageSizeInBytes);
        var app = builder.Build();
        app.MapSensorHub();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = new Uri(addresses.First().TrimEnd('/') + "/");
        return new SensorServer(app, source, address);
    }

    /// <summary>Ends the feed and stops the server (open connections are closed).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        Source.Complete();
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
