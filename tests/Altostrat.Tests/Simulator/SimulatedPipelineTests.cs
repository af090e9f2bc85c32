using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Engine.RouterOs.Protocol;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Simulator;

/// <summary>
/// What a desired-state executor does: many tagged commands sent back to back on one connection without waiting.
/// Each is answered under its own tag, they apply in the order sent, and the simulated latency overlaps.
/// </summary>
public sealed class SimulatedPipelineTests
{
    [Fact]
    public async Task Pipelined_tagged_commands_apply_in_the_order_sent_and_each_gets_its_own_answer()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);
        var lan = (await client.PrintAsync("/ip/firewall/address-list")).Count;

        // Add, set and remove the same entry by the id the add will get (*1, the menu's first), add it again (*2),
        // set the removed one (a trap) and print: only applied in the order sent does this end with "second".
        await client.SendAllAsync(
            new[] { "/ip/firewall/address-list/add", "=list=lan", "=address=10.0.0.1", ".tag=a" },
            new[] { "/ip/firewall/address-list/set", "=numbers=*1", "=comment=first", ".tag=b" },
            new[] { "/ip/firewall/address-list/remove", "=numbers=*1", ".tag=c" },
            new[] { "/ip/firewall/address-list/add", "=list=lan", "=address=10.0.0.1", "=comment=second", ".tag=d" },
            new[] { "/ip/firewall/address-list/set", "=numbers=*9", "=comment=x", ".tag=e" },
            new[] { "/ip/firewall/address-list/print", ".tag=f" });

        var replies = new List<RouterSentence>();
        while (replies.Count(r => r.Command == "!done") < 6) replies.Add(await client.ReadAsync());

        Assert.Equal(new[] { "a", "b", "c", "d", "e", "e", "f", "f" }, replies.Select(r => r.Tag));
        Assert.Equal("*1", replies[0]["ret"]);
        Assert.Equal("*2", replies[3]["ret"]);
        Assert.Equal(("!trap", "no such item"), (replies[4].Command, replies[4]["message"]));
        var printed = Assert.Single(replies, r => r.Command == "!re");
        Assert.Equal(("*2", "second"), (printed[".id"], printed["comment"]));
        Assert.Equal(0, lan);
    }

    [Fact]
    public async Task The_latency_of_pipelined_commands_overlaps_rather_than_adding_up()
    {
        var clock = new ManualClock();
        var latency = TimeSpan.FromSeconds(10);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { CommandLatency = latency, Clock = clock });
        using var client = await RawApiClient.LoginAsync(router.Port);

        await client.SendAllAsync(Enumerable.Range(0, 5)
            .Select(i => new[] { "/ip/firewall/address-list/add", "=list=l", $"=address=10.0.0.{i}", $".tag={i}" }).ToArray());
        await WaitUntil(() => clock.PendingTimers == 5); // all five are waiting out their latency at once

        clock.Advance(latency); // one latency, not five

        var done = new List<string?>();
        while (done.Count < 5)
        {
            var reply = await client.ReadAsync();
            if (reply.Command == "!done") done.Add(reply.Tag);
        }
        Assert.Equal(new[] { "0", "1", "2", "3", "4" }, done);
        Assert.Equal(5, router.Configuration.Menu("/ip/firewall/address-list").Items.Count);
    }

    [Fact]
    public async Task A_command_sent_alone_still_waits_its_latency_before_it_takes_effect()
    {
        var clock = new ManualClock();
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { CommandLatency = TimeSpan.FromSeconds(10), Clock = clock });
        using var client = await RawApiClient.LoginAsync(router.Port);

        await client.SendAsync("/system/identity/set", "=name=later", ".tag=1");
        await WaitUntil(() => clock.PendingTimers == 1);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("MikroTik", router.Configuration.Menu("/system/identity").Items[0]["name"]);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("!done", (await client.ReadAsync()).Command);
        Assert.Equal("later", router.Configuration.Menu("/system/identity").Items[0]["name"]);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the router never got there");
    }
}
