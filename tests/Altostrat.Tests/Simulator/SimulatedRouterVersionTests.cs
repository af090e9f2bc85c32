using System;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Simulator;

/// <summary>The simulated RouterOS version is a setting, and the router behaves as that version does.</summary>
public sealed class SimulatedRouterVersionTests
{
    [Fact]
    public async Task A_router_reports_the_version_it_was_given_and_a_current_one_by_default()
    {
        await using var older = SimulatedRouter.Start(new SimulatedRouterOptions { Version = "7.16.1" });
        await using var current = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var toOlder = await RawApiClient.LoginAsync(older.Port);
        using var toCurrent = await RawApiClient.LoginAsync(current.Port);

        Assert.Equal("7.16.1 (stable)", Assert.Single(await toOlder.PrintAsync("/system/resource"))["version"]);
        Assert.Equal(SimulatedRouterOptions.DefaultVersion + " (stable)", Assert.Single(await toCurrent.PrintAsync("/system/resource"))["version"]);
        Assert.True(SimulatedRouterOptions.ParseVersion(SimulatedRouterOptions.DefaultVersion) >= new Version(7, 18));
    }

    [Theory]
    [InlineData("7.16.1", new[] { "!done" })]
    [InlineData("7.17.2", new[] { "!done" })]
    [InlineData("7.18", new[] { "!empty", "!done" })]
    [InlineData("7.20.4", new[] { "!empty", "!done" })]
    public async Task Only_7_18_and_later_answer_a_print_without_rows_with_empty(string version, string[] expected)
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Version = version });
        using var client = await RawApiClient.LoginAsync(router.Port);

        await client.SendAsync("/ip/firewall/address-list/print", ".tag=none");
        var replies = await client.ReadUntilDoneAsync();

        Assert.Equal(expected, replies.Select(r => r.Command));
        Assert.All(replies, r => Assert.Equal("none", r.Tag));
    }

    [Fact]
    public async Task Before_7_18_the_safe_mode_commands_do_not_exist()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Version = "7.16.1" });
        using var client = await RawApiClient.LoginAsync(router.Port);

        foreach (var command in new[] { "/safe-mode/take", "/safe-mode/release", "/safe-mode/unroll" })
        {
            var trap = await client.TrapAsync(command);
            Assert.Equal("no such command or directory (safe-mode)", trap["message"]);
            Assert.Equal("0", trap["category"]);
        }
        Assert.False(router.SafeModeTaken);
    }

    [Theory]
    [InlineData("")]
    [InlineData("seven")]
    [InlineData("5.26")]
    public void A_version_that_is_not_a_RouterOS_version_is_refused(string version)
    {
        Assert.Throws<ArgumentException>(() => new SimulatedRouterOptions { Version = version });
    }
}
