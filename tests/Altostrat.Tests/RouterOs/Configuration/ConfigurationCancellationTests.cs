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

public class ConfigurationCancellationTests
{
    [Fact]
    public async Task Stopping_a_safe_mode_apply_unrolls_what_was_done_and_rethrows()
    {
        await using var server = new MenuRouterServer();
        server.SetSingle("/system/identity", new Dictionary<string, string> { ["name"] = "old" });
        server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
        var addArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverAnswered = new TaskCompletionSource();
        server.HoldAnswerWhen = c =>
        {
            if (!c.Command.EndsWith("/add", StringComparison.Ordinal)) return null;
            addArrived.TrySetResult();
            return neverAnswered.Task;
        };
        var document = DesiredStateDocument.Parse("""
            { "/system/identity": { "name": "new" }, "/ip/firewall/address-list": { "Entries": [ { "list": "a", "address": "192.0.2.1" } ] } }
            """);
        var endpoint = RouterEndpoint.ForAddress("r1", new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");
        using var session = await RouterConfigurationSession.OpenAsync(endpoint, document, CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var applying = session.ApplyAsync(plan.Changes, useSafeMode: true, stop.Token);
        await addArrived.Task;
        Assert.Equal("new", server.Rows("/system/identity")[0]["name"]); // the set phase ran before the add phase
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => applying);
        Assert.False(server.SafeModeHeld);
        Assert.Equal("old", server.Rows("/system/identity")[0]["name"]);
        Assert.Empty(server.Rows("/ip/firewall/address-list"));
        neverAnswered.TrySetResult();
    }
}
