using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Simulator;

/// <summary>
/// Every menu a desired-state document may name (and Tab offers) is one a simulated router has, so that whatever a
/// new user tries against the emulator runs: read, applied, and read back without a false difference.
/// </summary>
public sealed class SimulatedCatalogTests
{
    // One change in each menu that the first simulated routers lacked, spelled as a person would write them.
    private const string Document = """
        {
          "/interface/vlan": { "Entries": [ { "name": "vlan10", "vlan-id": 10, "interface": "ether2" } ] },
          "/ip/dns/static": { "Entries": [ { "name": "router.lan", "type": "A", "address": "192.168.88.1", "ttl": "1d00:00:00" } ] },
          "/ip/firewall/mangle": { "Entries": [ { "chain": "prerouting", "action": "mark-connection", "new-connection-mark": "web", "passthrough": "yes", "comment": "mark web" } ] },
          "/ip/firewall/raw": { "Entries": [ { "chain": "prerouting", "action": "drop", "src-address": "198.51.100.0/24", "comment": "drop bogons" } ] },
          "/queue/simple": { "Entries": [ { "name": "guests", "target": "192.168.89.0/24", "max-limit": "10M/10M" } ] },
          "/snmp": { "enabled": true, "contact": "noc@example.net" },
          "/system/clock": { "time-zone-name": "Europe/Amsterdam", "time-zone-autodetect": "no" },
          "/system/scheduler": { "Entries": [ { "name": "nightly", "interval": "1d", "on-event": "/system script run backup" } ] }
        }
        """;

    [Fact]
    public async Task Every_menu_of_the_catalog_can_be_read_from_a_simulated_router()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var client = await RawApiClient.LoginAsync(router.Port);

        // A menu the router lacks traps, and RunAsync throws with the menu's name.
        foreach (var menu in MenuCatalog.All) await client.RunAsync(menu.Path + "/print");
    }

    [Fact]
    public async Task The_menus_beyond_the_first_ones_apply_and_a_second_run_finds_nothing_to_do()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        var endpoint = RouterEndpoint.ForAddress($"127.0.0.1:{router.Port}", new RouterConnectionOptions("127.0.0.1") { Port = router.Port }, "admin", "");
        var document = DesiredStateDocument.Parse(Document);

        var first = await new RouterConfigurationJob(document, useSafeMode: false).RunAsync(endpoint, null, CancellationToken.None);
        Assert.True(first.Status == ConfigurationStatus.Changed, first.Error?.Message ?? string.Join("; ", first.Results.Where(r => !r.Succeeded).Select(r => r.Error?.Message)));
        Assert.Equal(8, first.Results.Count);
        Assert.True(first.Remaining!.IsEmpty, first.Remaining.Script);

        var again = await new RouterConfigurationJob(document, useSafeMode: false).RunAsync(endpoint, null, CancellationToken.None);
        Assert.Equal(ConfigurationStatus.Unchanged, again.Status);
        Assert.True(again.Plan!.IsEmpty, again.Plan.Script);
    }
}
