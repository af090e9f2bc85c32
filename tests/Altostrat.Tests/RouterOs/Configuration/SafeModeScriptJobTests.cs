using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class SafeModeScriptJobTests
{
    private static MenuRouterServer Router()
    {
        var server = new MenuRouterServer();
        server.AddRows("/system/script", Array.Empty<IReadOnlyDictionary<string, string>>());
        return server;
    }

    private static RouterEndpoint EndpointFor(MenuRouterServer server) =>
        RouterEndpoint.ForAddress("r1", new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

    [Fact]
    public async Task A_script_that_succeeds_under_safe_mode_is_released()
    {
        await using var server = Router();
        var outcome = await new RouterScriptJob("/system identity set name=x", makeBackup: false, timeout: null, useSafeMode: true).RunAsync(EndpointFor(server), CancellationToken.None);
        Assert.Equal((RouterRunStatus.Succeeded, SafeModeResult.Released), (outcome.Status, outcome.SafeMode));
        Assert.False(server.SafeModeHeld);
        Assert.Empty(server.Rows("/system/script"));
    }

    [Fact]
    public async Task A_script_that_fails_under_safe_mode_is_unrolled()
    {
        await using var server = Router();
        server.TrapWhen = c => c.Command == "/system/script/run" ? "failure: interface not found" : null;
        var outcome = await new RouterScriptJob("/interface disable ether9", makeBackup: false, timeout: null, useSafeMode: true).RunAsync(EndpointFor(server), CancellationToken.None);
        Assert.Equal((RouterRunStatus.RolledBack, SafeModeResult.Unrolled), (outcome.Status, outcome.SafeMode));
        Assert.Contains("interface not found", outcome.Error!.Message);
        Assert.False(server.SafeModeHeld);
    }

    [Fact]
    public async Task A_script_that_cuts_the_connection_is_rolled_back_by_the_router()
    {
        await using var server = Router();
        server.DropConnectionWhen = c => c.Command == "/system/script/run";
        var outcome = await new RouterScriptJob("/ip address remove 0", makeBackup: false, timeout: null, useSafeMode: true).RunAsync(EndpointFor(server), CancellationToken.None);
        Assert.Equal((RouterRunStatus.RolledBack, SafeModeResult.RolledBackByRouter), (outcome.Status, outcome.SafeMode));
        await server.RolledBackOnDisconnect;
        Assert.Empty(server.Rows("/system/script")); // the entry the job added was rolled back with everything else
    }

    [Fact]
    public async Task A_router_without_safe_mode_runs_nothing()
    {
        await using var server = Router();
        server.SupportsSafeMode = false;
        var outcome = await new RouterScriptJob("/system identity set name=x", makeBackup: false, timeout: null, useSafeMode: true).RunAsync(EndpointFor(server), CancellationToken.None);
        Assert.Equal((RouterRunStatus.Failed, SafeModeResult.Failed), (outcome.Status, outcome.SafeMode));
        Assert.IsType<SafeModeUnavailableException>(outcome.Error);
        Assert.Equal(0, server.Writes);
    }
}
