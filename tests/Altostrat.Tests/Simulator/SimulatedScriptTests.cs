using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Xunit;

namespace Altostrat.Tests.Simulator;

/// <summary>Scripts run on a simulated router from the engine's parse of them, as scheduled scripts and jobs on sites do.</summary>
public sealed class SimulatedScriptTests
{
    private static async Task<SimulatedTrap?> RunAsync(SimulatedRouter router, string script)
    {
        try
        {
            await new ScriptInterpreter(router.Processor).RunAsync(script, CancellationToken.None);
            return null;
        }
        catch (SimulatedTrap trap)
        {
            return trap;
        }
    }

    [Fact]
    public async Task Runs_both_spellings_relative_lines_finds_quotes_and_continuations()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        var script = """
            # a comment
            /ip address add address=10.1.1.1/24 interface=ether2 comment="lab \"one\""
            /ip/firewall/filter/add chain=forward action=drop \
                comment=continued
            /interface
            set [find name=ether3] mtu=1400
            set ether2 comment=uplink; :put "done"
            /ip service disable [find where name=telnet]
            /system identity set name=edge-7
            :local x 1
            :log info "finished"
            """;

        Assert.Null(await RunAsync(router, script));

        var config = router.Configuration;
        Assert.Contains(config.Menu("/ip/address").Items, a => a["address"] == "10.1.1.1/24" && a["comment"] == "lab \"one\"");
        Assert.Contains(config.Menu("/ip/firewall/filter").Items, r => r.TryGetValue("comment", out var c) && c == "continued" && r["action"] == "drop");
        Assert.Equal("1400", config.Menu("/interface").Items.Single(i => i["name"] == "ether3")["mtu"]);
        Assert.Equal("uplink", config.Menu("/interface").Items.Single(i => i["name"] == "ether2")["comment"]);
        Assert.Equal("true", config.Menu("/ip/service").Items.Single(s => s["name"] == "telnet")["disabled"]);
        Assert.Equal("edge-7", config.Menu("/system/identity").Items[0]["name"]);
    }

    [Fact]
    public async Task A_find_compares_booleans_as_the_router_does()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        Assert.Null(await RunAsync(router, "/interface set [find type=ether disabled=no] comment=port"));

        Assert.Equal(3, router.Configuration.Menu("/interface").Items.Count(i => i.TryGetValue("comment", out var c) && c == "port"));
    }

    [Fact]
    public async Task Read_only_commands_the_simulator_lacks_pass_but_a_misspelt_menu_fails()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        Assert.Null(await RunAsync(router, "/ping 192.168.88.254 count=3\n/interface monitor-traffic ether1 once\n/export\n/system identity set name=after-reads"));
        Assert.Equal("after-reads", router.Configuration.Menu("/system/identity").Items[0]["name"]);

        var misspelt = await RunAsync(router, "/ip adress print");
        Assert.Equal("no such command or directory (adress) (line 1)", misspelt!.Message);
        var unknownChange = await RunAsync(router, "/interface reset-counters ether1"); // not read-only: no pretending
        Assert.NotNull(unknownChange);
    }

    [Theory]
    [InlineData("/ip address add address=10.0.0.1/24 interface=ether2\n:error \"stop here\"", "stop here (line 2)")]
    [InlineData("/ip address add address=10.0.0.1/24 interface=ether2\n/ip address add address=10.0.0.2/24 interface=ether9", "input does not match any value of interface (line 2)")]
    [InlineData("/ip address add address=10.0.0.1/24 interface=ether2\n:if (true) do={ /log info x }", "the simulator does not run :if (it runs menu commands, :put, :log, :delay and :error) (line 2)")]
    [InlineData("/ip address add address=10.0.0.1/24 interface=ether2\n/ip address set $target comment=x", "the simulator only evaluates [find ...], not variables or expressions ($target) (line 2)")]
    public async Task A_failing_line_stops_the_script_with_a_script_error_naming_the_line(string script, string message)
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        var trap = await RunAsync(router, script);

        Assert.NotNull(trap);
        Assert.Equal(message, trap!.Message);
        // Line 1 ran.
        var addresses = router.Configuration.Menu("/ip/address").Items.Select(a => a.TryGetValue("address", out var address) ? address : "?").ToList();
        Assert.True(addresses.Contains("10.0.0.1/24"), $"line 1 did not add its address; the router has {string.Join(", ", addresses)}");
    }

    [Fact]
    public async Task What_only_the_analyzer_objects_to_runs_as_the_router_reads_it()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        // The analyzer reports ':log' where an argument belongs; a script sent anyway (-Force) is the router's to judge.
        Assert.Null(await RunAsync(router, ":log info \"x\" :log info \"y\"\n/system identity set name=forced"));

        Assert.Equal("forced", router.Configuration.Menu("/system/identity").Items[0]["name"]);
    }

    [Theory]
    [InlineData("/system identity set name=first\n/ip address add comment=\"never closed")]
    [InlineData("/system identity set name=first\n/interface set [find name=ether1 mtu=1400")]
    public async Task A_string_or_bracket_never_closed_fails_the_script_before_any_of_it_runs(string script)
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        var trap = await RunAsync(router, script);

        Assert.NotNull(trap);
        Assert.StartsWith("syntax error (", trap!.Message);
        Assert.Equal(3, trap.Category);
        Assert.Equal("MikroTik", router.Configuration.Menu("/system/identity").Items[0]["name"]);
    }

    [Fact]
    public async Task A_path_alone_that_names_a_menu_only_changes_menu_and_an_unknown_command_fails_as_on_a_router()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        // The last line names a menu and nothing uses it: the analyzer counts it, the router only changes menu.
        Assert.Null(await RunAsync(router, "/log info \"quoted text\"\n/log warning plain\n/ip address add address=10.0.9.1/24 interface=ether2\n/ip firewall filter\n/ip"));
        Assert.Contains(router.Configuration.Menu("/ip/address").Items, a => a["address"] == "10.0.9.1/24");

        // The simulated routers have no /interface/ethernet menu, so power-cycle is unknown to them, as a command would be.
        var trap = await RunAsync(router, "/interface/ethernet/poe/power-cycle ether2");
        Assert.Equal("no such command or directory (ethernet) (line 1)", trap?.Message);
    }
}
