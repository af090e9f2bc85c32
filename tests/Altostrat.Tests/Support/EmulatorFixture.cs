using System;
using System.Threading.Tasks;
using Altostrat.Emulator;
using Altostrat.Engine.Http;

namespace Altostrat.Tests.Support;

/// <summary>Starts an emulator on a free loopback port for one test and stops it afterwards.</summary>
public static class TestEmulator
{
    public static Task<EmulatorHost> StartAsync(Action<EmulatorOptions>? configure = null, TimeProvider? clock = null, bool runWorkflow = true)
    {
        var options = new EmulatorOptions
        {
            Port = 0,
            SiteRunDuration = TimeSpan.FromMilliseconds(300),
            TickInterval = TimeSpan.FromMilliseconds(50),
            RecordRequests = true,
        };
        configure?.Invoke(options);
        return EmulatorHost.StartAsync(options, clock, runWorkflow);
    }

    public static AltoApiSession Connect(EmulatorHost host, string? token = null) =>
        new(new AltoApiOptions { ApiUrl = host.Url, Token = token ?? host.Token, Retry = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(5) } });
}
