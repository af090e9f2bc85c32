using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Api;
using Altostrat.Emulator.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Altostrat.Emulator;

/// <summary>A running emulator on 127.0.0.1: start it, point a client at <see cref="Url"/> with <see cref="Token"/>, dispose it.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _recorded;

    private EmulatorHost(WebApplication app, EmulatorState state, ConcurrentQueue<RecordedRequest> recorded, Uri url)
    {
        _app = app;
        State = state;
        _recorded = recorded;
        Url = url;
    }

    public Uri Url { get; }
    public EmulatorState State { get; }
    public string Token => State.Options.Token;

    /// <summary>
    /// Cancelled when the web host begins to stop: on SIGTERM (a container stop, <c>kill</c>) the host stops itself,
    /// and whoever keeps the process alive must end with it.
    /// </summary>
    public System.Threading.CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Requests received so far, oldest first (only with <see cref="EmulatorOptions.RecordRequests"/>).</summary>
    public IReadOnlyList<RecordedRequest> RecordedRequests => _recorded.ToArray();

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, TimeProvider? clock = null, bool runWorkflow = true)
    {
        var state = new EmulatorState(options, clock ?? TimeProvider.System);
        var recorded = new ConcurrentQueue<RecordedRequest>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(recorded);
        if (runWorkflow) builder.Services.AddHostedService<WorkflowRunner>();
        if (!options.StopOnInterrupt) builder.Services.AddSingleton<IHostLifetime, TerminateOnlyLifetime>();
        var app = builder.Build();
        app.UseMiddleware<ApiMiddleware>();
        ScheduledScriptEndpoints.Map(app, state);
        AiEndpoints.Map(app);
        AsyncJobEndpoints.Map(app, state);
        SiteEndpoints.Map(app, state);
        TemplateEndpoints.Map(app, state);
        CommunityScriptEndpoints.Map(app, state);
        SynchronousEndpoints.Map(app, state);
        BackupEndpoints.Map(app, state);
        ControlEndpoints.Map(app, state);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, state, recorded, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        State.Dispose();
    }
}
