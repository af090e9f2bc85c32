using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Simulator;

/// <summary>
/// Safe mode over real TCP (RouterOS 7.18 and later): bound to the session that took it; release keeps, unroll
/// undoes, and a session that ends without a release has every change since the take rolled back, including the
/// change that cut it off.
/// </summary>
public sealed class SimulatedSafeModeTests
{
    [Fact]
    public async Task Removing_the_management_address_in_safe_mode_drops_the_session_and_the_router_rolls_back_to_exactly_what_it_was()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        var before = await ConfigurationDump.OverApiAsync(router);
        using (var client = await RawApiClient.LoginAsync(router.Port))
        {
            await client.RunAsync("/safe-mode/take");
            await client.RunAsync("/system/identity/set", "=name=changed");
            await client.RunAsync("/ip/firewall/filter/add", "=chain=input", "=action=drop");
            var management = Assert.Single(await client.PrintAsync("/ip/address", "?address=" + RouterConfiguration.ManagementAddress))[".id"]!;

            await client.SendAsync("/ip/address/remove", "=numbers=" + management);

            Assert.Equal("!done", (await client.ReadAsync()).Command); // answered, then the line goes
            Assert.Null(await client.TryReadAsync());
        }

        await WaitUntil(() => !router.SafeModeTaken);
        Assert.Equal(before, await ConfigurationDump.OverApiAsync(router));
    }

    [Fact]
    public async Task Disabling_the_api_service_in_safe_mode_drops_the_session_and_the_router_rolls_back()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        var before = await ConfigurationDump.OverApiAsync(router);
        using (var client = await RawApiClient.LoginAsync(router.Port))
        {
            await client.RunAsync("/safe-mode/take");
            await client.RunAsync("/ip/dns/set", "=servers=9.9.9.9");
            await client.SendAsync("/ip/service/set", "=numbers=api", "=disabled=yes", ".tag=cut");
            Assert.Equal(("!done", "cut"), await client.ReadAsync().ContinueWith(t => (t.Result.Command, t.Result.Tag)));
            Assert.Null(await client.TryReadAsync());
        }

        await WaitUntil(() => !router.SafeModeTaken);
        Assert.Equal(before, await ConfigurationDump.OverApiAsync(router));
    }

    [Fact]
    public async Task Without_safe_mode_disabling_api_cuts_every_session_off_for_good()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var bystander = await RawApiClient.LoginAsync(router.Port);
        using (var client = await RawApiClient.LoginAsync(router.Port))
        {
            await client.RunAsync("/ip/service/disable", "=numbers=api");
            Assert.Null(await client.TryReadAsync());
        }

        Assert.Null(await bystander.TryReadAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => RawApiClient.LoginAsync(router.Port));
        Assert.Equal("true", router.Configuration.Menu("/ip/service").Items.Single(s => s["name"] == "api")["disabled"]);
    }

    [Fact]
    public async Task A_dropped_connection_rolls_back_changes_from_every_session_since_the_take()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        var before = await ConfigurationDump.OverApiAsync(router);
        using var other = await RawApiClient.LoginAsync(router.Port);
        using (var holder = await RawApiClient.LoginAsync(router.Port))
        {
            await holder.RunAsync("/safe-mode/take");
            await holder.RunAsync("/ip/firewall/address-list/add", "=list=blocked", "=address=203.0.113.7");
            await other.RunAsync("/system/ntp/client/set", "=enabled=yes", "=servers=pool.ntp.org");
            var rule = (await holder.PrintAsync("/ip/firewall/filter"))[1][".id"]!;
            await holder.RunAsync("/ip/firewall/filter/move", "=numbers=" + rule, "=destination=" + (await holder.PrintAsync("/ip/firewall/filter"))[0][".id"]);
            Assert.NotEqual(before, await ConfigurationDump.OverApiAsync(router));
        } // the socket closes without a release

        await WaitUntil(() => !router.SafeModeTaken);
        Assert.Equal(before, await ConfigurationDump.OverApiAsync(router));
        Assert.Single(await other.PrintAsync("/system/identity")); // the other session stays connected
    }

    [Fact]
    public async Task Release_keeps_the_changes_after_the_session_ends()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using (var client = await RawApiClient.LoginAsync(router.Port))
        {
            Assert.Equal(new[] { "!done" }, (await client.RunAsync("/safe-mode/take")).Select(r => r.Command));
            await client.RunAsync("/system/identity/set", "=name=kept");
            Assert.Equal(new[] { "!done" }, (await client.RunAsync("/safe-mode/release")).Select(r => r.Command));
            Assert.False(router.SafeModeTaken);
        }

        using var again = await RawApiClient.LoginAsync(router.Port);
        Assert.Equal("kept", Assert.Single(await again.PrintAsync("/system/identity"))["name"]);
    }

    [Fact]
    public async Task Unroll_undoes_the_changes_at_once_and_the_session_goes_on()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        var before = await ConfigurationDump.OverApiAsync(router);
        using var client = await RawApiClient.LoginAsync(router.Port);

        await client.RunAsync("/safe-mode/take");
        var added = (await client.RunAsync("/ip/firewall/filter/add", "=chain=input", "=action=drop"))[0]["ret"]!;
        await client.RunAsync("/ip/service/set", "=numbers=ssh", "=port=2222");
        await client.RunAsync("/safe-mode/unroll");

        Assert.False(router.SafeModeTaken);
        Assert.Equal(before, await ConfigurationDump.OverApiAsync(router));
        Assert.Empty(await client.PrintAsync("/ip/firewall/filter", "?.id=" + added));
        var next = (await client.RunAsync("/ip/firewall/filter/add", "=chain=input", "=action=drop"))[0]["ret"];
        Assert.NotEqual(added, next); // an id handed out once is not handed out again
    }

    [Fact]
    public async Task A_second_session_cannot_take_safe_mode_while_the_first_holds_it()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var first = await RawApiClient.LoginAsync(router.Port);
        using var second = await RawApiClient.LoginAsync(router.Port);

        await first.RunAsync("/safe-mode/take");
        await first.RunAsync("/safe-mode/take"); // taking it again is harmless
        var refused = await second.TrapAsync("/safe-mode/take");
        Assert.Equal("failure: safe mode is taken by another session", refused["message"]);
        Assert.Equal("failure: safe mode is taken by another session", (await second.TrapAsync("/safe-mode/unroll"))["message"]);

        await first.RunAsync("/safe-mode/release");
        await second.RunAsync("/safe-mode/take");
        Assert.True(router.SafeModeTaken);
    }

    [Fact]
    public async Task Past_the_history_limit_the_router_leaves_safe_mode_and_keeps_the_changes()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using (var client = await RawApiClient.LoginAsync(router.Port))
        {
            await client.RunAsync("/safe-mode/take");
            for (var i = 0; i <= 100; i++) await client.RunAsync("/ip/firewall/address-list/add", "=list=many", $"=address=10.2.{i / 250}.{i % 250}");
            Assert.False(router.SafeModeTaken);
        }

        using var again = await RawApiClient.LoginAsync(router.Port);
        Assert.Equal(101, (await again.PrintAsync("/ip/firewall/address-list")).Count);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the router never got there");
    }
}
