using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Simulator;

/// <summary>
/// The menus a desired-state run reads and writes, over real TCP: what a fresh router has, what it refuses
/// (read-only properties, its own dynamic, default and built-in entries) and how add, set, unset and move work.
/// </summary>
public sealed class SimulatedMenuTests
{
    [Fact]
    public async Task A_fresh_router_has_the_menus_and_entries_of_a_default_configuration()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { UserName = "ops" });
        using var client = await RawApiClient.LoginAsync(router.Port, "ops");

        var services = await client.PrintAsync("/ip/service");
        Assert.Equal(new[] { "telnet", "ftp", "www", "ssh", "www-ssl", "api", "winbox", "api-ssl" }, services.Select(s => s["name"]));
        var api = services.Single(s => s["name"] == "api");
        Assert.Equal(("8728", "false", ""), (api["port"], api["disabled"], api["address"]));
        Assert.Equal("true", services.Single(s => s["name"] == "www-ssl")["disabled"]);

        var user = Assert.Single(await client.PrintAsync("/user"));
        Assert.Equal(("ops", "full"), (user["name"], user["group"]));
        Assert.Null(user["password"]);

        var route = Assert.Single(await client.PrintAsync("/ip/route"));
        Assert.Equal(("192.168.88.0/24", "bridge", "true", "true"), (route["dst-address"], route["gateway"], route["dynamic"], route["connect"]));

        var actions = await client.PrintAsync("/system/logging/action");
        Assert.All(actions, a => Assert.Equal("true", a["default"]));
        foreach (var menu in new[] { "/system/identity", "/ip/dns", "/system/ntp/client", "/ip/firewall/filter", "/ip/firewall/nat", "/ip/firewall/address-list", "/ip/address", "/interface" })
            await client.PrintAsync(menu); // exists: a missing menu would trap
    }

    [Fact]
    public async Task The_dynamic_connected_route_cannot_be_set_or_removed_and_follows_the_addresses()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);
        var connected = Assert.Single(await client.PrintAsync("/ip/route"))[".id"]!;

        var set = await client.TrapAsync("/ip/route/set", "=numbers=" + connected, "=distance=5");
        Assert.Equal(("failure: can not change dynamic item", "1"), (set["message"], set["category"]));
        Assert.Equal("failure: can not remove dynamic item", (await client.TrapAsync("/ip/route/remove", "=numbers=" + connected))["message"]);
        Assert.Equal("failure: can not change dynamic item", (await client.TrapAsync("/ip/route/disable", "=numbers=" + connected))["message"]);

        var added = (await client.RunAsync("/ip/address/add", "=address=10.7.7.1/24", "=interface=ether2"))[0]["ret"]!;
        var address = Assert.Single(await client.PrintAsync("/ip/address", "?.id=" + added));
        Assert.Equal("10.7.7.0", address["network"]);
        Assert.Contains(await client.PrintAsync("/ip/route"), r => r["dst-address"] == "10.7.7.0/24" && r["gateway"] == "ether2" && r["dynamic"] == "true");

        await client.RunAsync("/ip/address/remove", "=numbers=" + added);
        Assert.DoesNotContain(await client.PrintAsync("/ip/route"), r => r["dst-address"] == "10.7.7.0/24");

        var staticRoute = (await client.RunAsync("/ip/route/add", "=gateway=192.168.88.254"))[0]["ret"]!;
        var row = Assert.Single(await client.PrintAsync("/ip/route", "?.id=" + staticRoute));
        Assert.Equal(("0.0.0.0/0", "1", "false"), (row["dst-address"], row["distance"], row["dynamic"]));
        await client.RunAsync("/ip/route/remove", "=numbers=" + staticRoute);
    }

    [Fact]
    public async Task Services_and_ethernet_ports_are_the_routers_own_and_hardware_properties_are_read_only()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);

        Assert.Equal("no such command or directory (add)", (await client.TrapAsync("/ip/service/add", "=name=gopher", "=port=70"))["message"]);
        Assert.Equal("no such command or directory (remove)", (await client.TrapAsync("/ip/service/remove", "=numbers=telnet"))["message"]);
        await client.RunAsync("/ip/service/set", "=numbers=telnet", "=disabled=yes");
        await client.RunAsync("/ip/service/set", "=numbers=ssh", "=port=2222", "=address=10.0.0.0/8, 192.168.88.0/24");
        var ssh = Assert.Single(await client.PrintAsync("/ip/service", "?name=ssh"));
        Assert.Equal(("2222", "10.0.0.0/8,192.168.88.0/24"), (ssh["port"], ssh["address"]));
        Assert.Equal("true", Assert.Single(await client.PrintAsync("/ip/service", "?name=telnet"))["disabled"]);
        var rename = await client.TrapAsync("/ip/service/set", "=numbers=ssh", "=name=ssh2");
        Assert.Equal(("failure: name is read-only", "1"), (rename["message"], rename["category"]));

        Assert.Equal("no such command or directory (add)", (await client.TrapAsync("/interface/add", "=name=ether9"))["message"]);
        Assert.Equal("failure: can not remove built-in item", (await client.TrapAsync("/interface/remove", "=numbers=ether1"))["message"]);
        Assert.Equal("failure: running is read-only", (await client.TrapAsync("/interface/set", "=numbers=ether1", "=running=false"))["message"]);
        Assert.Equal("failure: mac-address is read-only", (await client.TrapAsync("/interface/set", "=numbers=ether1", "=mac-address=00:00:00:00:00:01"))["message"]);
        await client.RunAsync("/interface/set", "=numbers=ether2", "=mtu=1400", "=comment=uplink");
        var ether2 = Assert.Single(await client.PrintAsync("/interface", "?name=ether2"));
        Assert.Equal(("1400", "uplink", "ether"), (ether2["mtu"], ether2["comment"], ether2["type"]));
        Assert.Equal("value of mtu must be a number", (await client.TrapAsync("/interface/set", "=numbers=ether2", "=mtu=big"))["message"]);
    }

    [Fact]
    public async Task Default_entries_and_the_last_full_user_cannot_be_removed_but_added_ones_can()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);

        Assert.Equal("failure: can not remove default item", (await client.TrapAsync("/system/logging/action/remove", "=numbers=memory"))["message"]);
        await client.RunAsync("/system/logging/action/set", "=numbers=memory", "=memory-lines=500");
        var added = (await client.RunAsync("/system/logging/action/add", "=name=syslog", "=target=remote", "=remote=10.0.0.9"))[0]["ret"]!;
        Assert.Equal("false", Assert.Single(await client.PrintAsync("/system/logging/action", "?name=syslog"))["default"]);
        await client.RunAsync("/system/logging/action/remove", "=numbers=" + added);

        Assert.Equal("failure: can not remove the last full user", (await client.TrapAsync("/user/remove", "=numbers=admin"))["message"]);
        await client.RunAsync("/user/add", "=name=ops", "=group=full", "=password=secret");
        Assert.Null(Assert.Single(await client.PrintAsync("/user", "?name=ops"))["password"]); // write-only
        await client.RunAsync("/user/remove", "=numbers=admin");
        Assert.Equal(new[] { "ops" }, (await client.PrintAsync("/user")).Select(u => u["name"]));
    }

    [Fact]
    public async Task Move_puts_rules_before_the_destination_or_at_the_end_and_print_follows()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);
        async Task<string[]> Order() => (await client.PrintAsync("/ip/firewall/filter")).Select(r => r[".id"]!).ToArray();
        var seeded = await Order();
        var ssh = (await client.RunAsync("/ip/firewall/filter/add", "=chain=input", "=protocol=tcp", "=dst-port=22", "=action=accept"))[0]["ret"]!;
        var icmp = (await client.RunAsync("/ip/firewall/filter/add", "=chain=input", "=protocol=icmp", "=action=accept"))[0]["ret"]!;
        Assert.Equal(seeded.Append(ssh).Append(icmp), await Order());

        await client.RunAsync("/ip/firewall/filter/move", "=numbers=" + icmp, "=destination=" + seeded[0]);
        Assert.Equal(new[] { icmp, seeded[0], seeded[1], ssh }, await Order());

        await client.RunAsync("/ip/firewall/filter/move", "=numbers=" + ssh + "," + icmp, "=destination=" + seeded[1]);
        Assert.Equal(new[] { seeded[0], ssh, icmp, seeded[1] }, await Order());

        await client.RunAsync("/ip/firewall/filter/move", "=numbers=" + seeded[0]);
        Assert.Equal(new[] { ssh, icmp, seeded[1], seeded[0] }, await Order());

        Assert.Equal("no such item", (await client.TrapAsync("/ip/firewall/filter/move", "=numbers=" + ssh, "=destination=*99"))["message"]);
        Assert.Equal("no such command or directory (move)", (await client.TrapAsync("/ip/address/move", "=numbers=*1"))["message"]);
        Assert.Equal(new[] { ssh, icmp, seeded[1], seeded[0] }, await Order());

        var first = (await client.RunAsync("/ip/firewall/filter/add", "=chain=input", "=action=accept", "=place-before=" + ssh))[0]["ret"]!;
        Assert.Equal(new[] { first, ssh, icmp, seeded[1], seeded[0] }, await Order());
        Assert.Null(Assert.Single(await client.PrintAsync("/ip/firewall/filter", "?.id=" + first))["place-before"]);

        var nat = (await client.RunAsync("/ip/firewall/nat/add", "=chain=dstnat", "=action=dst-nat", "=to-addresses=192.168.88.10", "=protocol=tcp", "=dst-port=80"))[0]["ret"]!;
        var masquerade = (await client.PrintAsync("/ip/firewall/nat"))[0][".id"]!;
        await client.RunAsync("/ip/firewall/nat/move", "=numbers=" + nat, "=destination=" + masquerade);
        Assert.Equal(new[] { nat, masquerade }, (await client.PrintAsync("/ip/firewall/nat")).Select(r => r[".id"]));
    }

    [Fact]
    public async Task Unset_and_an_empty_value_clear_a_property_as_RouterOS_does()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);
        var rule = (await client.RunAsync("/ip/firewall/filter/add", "=chain=forward", "=src-address=10.0.0.0/8", "=comment=temp", "=log=yes"))[0]["ret"]!;
        var route = (await client.RunAsync("/ip/route/add", "=gateway=192.168.88.254", "=distance=7"))[0]["ret"]!;

        await client.RunAsync("/ip/firewall/filter/unset", "=numbers=" + rule, "=value-name=src-address");
        await client.RunAsync("/ip/firewall/filter/set", "=numbers=" + rule, "=comment=");
        await client.RunAsync("/ip/firewall/filter/unset", "=numbers=" + rule, "=value-name=log");
        var row = Assert.Single(await client.PrintAsync("/ip/firewall/filter", "?.id=" + rule));
        Assert.Null(row["src-address"]);
        Assert.Null(row["comment"]);
        Assert.Equal("false", row["log"]); // back to its default

        await client.RunAsync("/ip/route/unset", "=numbers=" + route, "=value-name=distance");
        Assert.Equal("1", Assert.Single(await client.PrintAsync("/ip/route", "?.id=" + route))["distance"]);

        var chain = await client.TrapAsync("/ip/firewall/filter/unset", "=numbers=" + rule, "=value-name=chain");
        Assert.Equal(("failure: can not unset chain", "1"), (chain["message"], chain["category"]));
        Assert.Equal("failure: chain can not be empty", (await client.TrapAsync("/ip/firewall/filter/set", "=numbers=" + rule, "=chain="))["message"]);
        Assert.Equal("unknown parameter colour", (await client.TrapAsync("/ip/firewall/filter/unset", "=numbers=" + rule, "=value-name=colour"))["message"]);
        Assert.Equal("failure: bytes is read-only", (await client.TrapAsync("/ip/firewall/filter/unset", "=numbers=" + rule, "=value-name=bytes"))["message"]);

        await client.RunAsync("/ip/dns/set", "=servers=9.9.9.9");
        await client.RunAsync("/ip/dns/set", "=servers=");
        Assert.Equal("", Assert.Single(await client.PrintAsync("/ip/dns"))["servers"]); // a setting keeps its empty value
        await client.RunAsync("/system/identity/set", "=name=edge");
        await client.RunAsync("/system/identity/unset", "=value-name=name");
        Assert.Equal("MikroTik", Assert.Single(await client.PrintAsync("/system/identity"))["name"]);
    }

    [Fact]
    public async Task Print_returns_values_normalised_as_RouterOS_prints_them()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);

        await client.RunAsync("/ip/dns/set", "=allow-remote-requests=yes", "=servers=8.8.8.8, 1.1.1.1", "=cache-size=4M", "=cache-max-ttl=1d00:00:00");
        var dns = Assert.Single(await client.PrintAsync("/ip/dns"));
        Assert.Equal(("true", "8.8.8.8,1.1.1.1", "4096KiB", "1d"), (dns["allow-remote-requests"], dns["servers"], dns["cache-size"], dns["cache-max-ttl"]));

        foreach (var (given, printed) in new[] { ("1d00:00:00", "1d"), ("00:05:00", "5m"), ("90", "1m30s"), ("1w2d03:04:05", "1w2d3h4m5s"), ("2h30m", "2h30m"), ("500ms", "500ms") })
        {
            var id = (await client.RunAsync("/ip/firewall/address-list/add", "=list=t", "=address=10.1.1.1", "=timeout=" + given))[0]["ret"]!;
            Assert.Equal(printed, Assert.Single(await client.PrintAsync("/ip/firewall/address-list", "?.id=" + id))["timeout"]);
        }

        await client.RunAsync("/system/script/add", "=name=s", "=source=:put 1", "=policy=write,test,read", "=dont-require-permissions=no");
        var script = Assert.Single(await client.PrintAsync("/system/script"));
        Assert.Equal(("read,write,test", "false"), (script["policy"], script["dont-require-permissions"]));

        await client.RunAsync("/ip/firewall/filter/add", "=chain=input", "=connection-state=related,established", "=disabled=yes");
        Assert.Equal(("related,established", "true"),
            (await client.PrintAsync("/ip/firewall/filter", "?disabled=true")).Select(r => (r["connection-state"], r["disabled"])).Single());

        Assert.Equal(("value of allow-remote-requests must be yes or no", "1"),
            await client.TrapAsync("/ip/dns/set", "=allow-remote-requests=maybe").ContinueWith(t => (t.Result["message"], t.Result["category"])));
        Assert.Equal("invalid time value soon for timeout", (await client.TrapAsync("/ip/firewall/address-list/add", "=list=t", "=address=10.1.1.2", "=timeout=soon"))["message"]);
    }

    [Fact]
    public async Task A_menu_tells_a_reader_what_is_read_only_and_what_is_a_default()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        var interfaces = router.Configuration.Menu("/interface");
        var routes = router.Configuration.Menu("/ip/route");

        Assert.True(interfaces.IsReadOnlyProperty("running"));
        Assert.False(interfaces.IsReadOnlyProperty("mtu"));
        Assert.True(routes.TryGetDefault("distance", out var distance));
        Assert.Equal("1", distance);
        Assert.False(routes.TryGetDefault("gateway", out _));
        Assert.True(RouterMenu.IsDynamic(Assert.Single(routes.Items)));
        Assert.True(interfaces.IsBuiltIn(interfaces.Items[0]));
        Assert.True(RouterMenu.IsDefault(router.Configuration.Menu("/system/logging/action").Items[0]));
    }

    [Fact]
    public async Task A_set_that_one_of_its_targets_refuses_changes_none_of_them()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);
        var routes = await client.PrintAsync("/ip/route");
        var added = (await client.RunAsync("/ip/route/add", "=gateway=192.168.88.254", "=comment=before"))[0]["ret"]!;

        await client.TrapAsync("/ip/route/set", "=numbers=" + added + "," + routes[0][".id"], "=comment=after");

        Assert.Equal("before", Assert.Single(await client.PrintAsync("/ip/route", "?.id=" + added))["comment"]);
    }
}
