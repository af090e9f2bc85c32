using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// The in-memory configuration of one simulated router: the menus a script or a desired-state document for a small
/// office router touches, seeded as a fresh router with its default configuration would be (ethernet ports, a LAN
/// address with its dynamic connected route, the management services, the admin user, the default logging actions).
/// All access goes through <see cref="Sync"/>, since a router serves several connections at once.
/// </summary>
public sealed class RouterConfiguration
{
    /// <summary>The LAN address the simulated clients reach the router by (see <see cref="SimulatedRouter.IsReachable"/>).</summary>
    public const string ManagementAddress = "192.168.88.1/24";

    private static readonly RouterValueKind Bool = RouterValueKind.Boolean;
    private static readonly RouterValueKind Int = RouterValueKind.Integer;

    private readonly Dictionary<string, RouterMenu> _menus = new(StringComparer.Ordinal);

    public RouterConfiguration(string identity) : this(identity, SimulatedRouterOptions.DefaultVersion, "admin")
    {
    }

    public RouterConfiguration(string identity, string version, string userName)
    {
        Add(new RouterMenu("/system/identity", true, new[] { "name" }, defaults: new Dictionary<string, string> { ["name"] = identity }));
        Add(new RouterMenu("/system/resource", true, Array.Empty<string>(), defaults: new Dictionary<string, string>
        {
            ["uptime"] = "1w2d3h4m5s", ["version"] = version + " (stable)", ["cpu-load"] = "2", ["free-memory"] = "912261120",
            ["total-memory"] = "1073741824", ["architecture-name"] = "x86_64", ["board-name"] = "CHR", ["platform"] = "MikroTik",
        }, readOnly: new[] { "uptime", "version", "cpu-load", "free-memory", "total-memory", "architecture-name", "board-name", "platform" }));

        // Ports are the router's own: there is no /interface/add (interfaces are added in their own menus, such as
        // /interface/vlan), remove exists but an ethernet port cannot be removed, and what the
        // hardware decides (type, MAC address, running) is read-only.
        var interfaces = Add(new RouterMenu("/interface", false, new[] { "name", "mtu" },
            readOnly: new[] { "type", "mac-address", "running", "default-name" },
            kinds: new Dictionary<string, RouterValueKind> { ["mtu"] = Int }, canAdd: false, canRemove: true));
        for (var i = 1; i <= 3; i++)
            interfaces.SeedBuiltIn(("name", "ether" + i.ToString(CultureInfo.InvariantCulture)), ("default-name", "ether" + i.ToString(CultureInfo.InvariantCulture)),
                ("type", "ether"), ("mtu", "1500"), ("mac-address", $"4C:5E:0C:00:00:0{i}"), ("running", "true"), ("disabled", "false"));
        interfaces.Seed(("name", "bridge"), ("type", "bridge"), ("mtu", "1500"), ("mac-address", "4C:5E:0C:00:00:10"), ("running", "true"), ("disabled", "false"));

        var addresses = Add(new RouterMenu("/ip/address", false, new[] { "address", "interface", "network" }, new[] { "address", "interface" },
            readOnly: new[] { "actual-interface", "invalid" }));
        addresses.Seed(("address", ManagementAddress), ("network", "192.168.88.0"), ("interface", "bridge"), ("actual-interface", "bridge"),
            ("invalid", "false"), ("dynamic", "false"), ("disabled", "false"));

        // Routes: the connected route of each address is the router's (dynamic: it cannot be set or removed, and it
        // follows the addresses); static routes are the client's.
        Add(new RouterMenu("/ip/route", false, new[] { "dst-address", "gateway", "distance", "routing-table", "scope", "target-scope", "check-gateway" },
            new[] { "gateway" }, new Dictionary<string, string> { ["dst-address"] = "0.0.0.0/0", ["distance"] = "1", ["routing-table"] = "main", ["dynamic"] = "false" },
            readOnly: new[] { "active", "connect", "static", "immediate-gw", "local-address" },
            kinds: new Dictionary<string, RouterValueKind> { ["distance"] = Int, ["scope"] = Int, ["target-scope"] = Int }));
        RefreshConnectedRoutes();

        var filterProperties = new[]
        {
            "chain", "action", "protocol", "src-address", "dst-address", "src-port", "dst-port", "src-address-list", "dst-address-list",
            "in-interface", "out-interface", "in-interface-list", "out-interface-list", "connection-state", "log", "log-prefix", "jump-target",
        };
        var ruleKinds = new Dictionary<string, RouterValueKind> { ["log"] = Bool, ["connection-state"] = RouterValueKind.List, ["dst-port"] = RouterValueKind.List };
        // Every firewall menu: ordered rules by chain that accept and log nothing unless told, their counters read-only.
        RouterMenu FirewallMenu(string path, IEnumerable<string> properties, Dictionary<string, RouterValueKind> kinds) =>
            Add(new RouterMenu(path, false, properties, new[] { "chain" },
                new Dictionary<string, string> { ["action"] = "accept", ["log"] = "false", ["log-prefix"] = "", ["dynamic"] = "false" },
                readOnly: new[] { "bytes", "packets", "invalid" }, kinds: kinds, isOrdered: true));
        var filter = FirewallMenu("/ip/firewall/filter", filterProperties, ruleKinds);
        filter.Seed(("chain", "input"), ("action", "accept"), ("connection-state", "established,related"), ("log", "false"), ("log-prefix", ""),
            ("dynamic", "false"), ("disabled", "false"), ("comment", "accept established"));
        filter.Seed(("chain", "input"), ("action", "drop"), ("in-interface", "ether1"), ("log", "false"), ("log-prefix", ""),
            ("dynamic", "false"), ("disabled", "false"), ("comment", "drop all from WAN"));
        var nat = FirewallMenu("/ip/firewall/nat", filterProperties.Concat(new[] { "to-addresses", "to-ports" }), ruleKinds);
        nat.Seed(("chain", "srcnat"), ("action", "masquerade"), ("out-interface", "ether1"), ("log", "false"), ("log-prefix", ""),
            ("dynamic", "false"), ("disabled", "false"), ("comment", "masquerade to WAN"));
        // Mangle and raw: empty, as on a router out of the box; mangle has its marking actions besides the filter's.
        FirewallMenu("/ip/firewall/mangle", filterProperties.Concat(new[] { "new-connection-mark", "new-packet-mark", "new-routing-mark", "passthrough" }),
            new Dictionary<string, RouterValueKind>(ruleKinds) { ["passthrough"] = Bool });
        FirewallMenu("/ip/firewall/raw", filterProperties, ruleKinds);
        Add(new RouterMenu("/ip/firewall/address-list", false, new[] { "list", "address", "timeout" }, new[] { "list", "address" },
            new Dictionary<string, string> { ["dynamic"] = "false" }, readOnly: new[] { "creation-time" },
            kinds: new Dictionary<string, RouterValueKind> { ["timeout"] = RouterValueKind.Duration }, isOrdered: true));

        Add(new RouterMenu("/ip/dns", true, new[] { "servers", "allow-remote-requests", "cache-size", "cache-max-ttl" },
            defaults: new Dictionary<string, string>
            {
                ["servers"] = "", ["dynamic-servers"] = "", ["allow-remote-requests"] = "false", ["cache-size"] = "2048KiB", ["cache-max-ttl"] = "1w",
                ["cache-used"] = "28KiB",
            },
            readOnly: new[] { "dynamic-servers", "cache-used" },
            kinds: new Dictionary<string, RouterValueKind>
            {
                ["servers"] = RouterValueKind.List, ["allow-remote-requests"] = Bool, ["cache-size"] = RouterValueKind.Size, ["cache-max-ttl"] = RouterValueKind.Duration,
            }));
        // Static DNS records: an A record unless a type is given, which the print names all the same.
        Add(new RouterMenu("/ip/dns/static", false, new[] { "name", "address", "type", "ttl", "cname", "text", "match-subdomain", "regexp" }, new[] { "name" },
            new Dictionary<string, string> { ["type"] = "A", ["ttl"] = "1d", ["match-subdomain"] = "false", ["dynamic"] = "false" },
            kinds: new Dictionary<string, RouterValueKind> { ["ttl"] = RouterValueKind.Duration, ["match-subdomain"] = Bool }));
        Add(new RouterMenu("/snmp", true, new[] { "enabled", "contact", "location", "trap-community", "trap-version", "trap-generators", "trap-target", "trap-interfaces", "src-address" },
            defaults: new Dictionary<string, string>
            {
                ["enabled"] = "false", ["contact"] = "", ["location"] = "", ["engine-id"] = "80003a8c04", ["trap-community"] = "public",
                ["trap-version"] = "1", ["trap-generators"] = "temp-exception", ["trap-target"] = "", ["trap-interfaces"] = "", ["src-address"] = "::",
            },
            readOnly: new[] { "engine-id" },
            kinds: new Dictionary<string, RouterValueKind>
            {
                ["enabled"] = Bool, ["trap-version"] = Int, ["trap-generators"] = RouterValueKind.List, ["trap-target"] = RouterValueKind.List, ["trap-interfaces"] = RouterValueKind.List,
            }));
        // The clock is read-only but for its time zone; a simulated router's time stands still.
        Add(new RouterMenu("/system/clock", true, new[] { "time-zone-name", "time-zone-autodetect" },
            defaults: new Dictionary<string, string>
            {
                ["time"] = "09:00:00", ["date"] = "2026-12-01", ["time-zone-autodetect"] = "true", ["time-zone-name"] = "manual", ["gmt-offset"] = "+00:00", ["dst-active"] = "false",
            },
            readOnly: new[] { "time", "date", "gmt-offset", "dst-active" },
            kinds: new Dictionary<string, RouterValueKind> { ["time-zone-autodetect"] = Bool }));
        Add(new RouterMenu("/system/ntp/client", true, new[] { "enabled", "servers", "mode" },
            defaults: new Dictionary<string, string> { ["enabled"] = "false", ["servers"] = "", ["mode"] = "unicast", ["status"] = "stopped" },
            readOnly: new[] { "status" },
            kinds: new Dictionary<string, RouterValueKind> { ["enabled"] = Bool, ["servers"] = RouterValueKind.List }));

        // The management services: a fixed set of built-in entries (no add, no remove), as on every RouterOS router.
        var services = Add(new RouterMenu("/ip/service", false, new[] { "port", "address", "certificate", "vrf" },
            readOnly: new[] { "name", "invalid" },
            kinds: new Dictionary<string, RouterValueKind> { ["port"] = Int, ["address"] = RouterValueKind.List }, canAdd: false));
        foreach (var (name, port, disabled) in new[]
                 {
                     ("telnet", 23, false), ("ftp", 21, false), ("www", 80, false), ("ssh", 22, false), ("www-ssl", 443, true),
                     ("api", 8728, false), ("winbox", 8291, false), ("api-ssl", 8729, false),
                 })
        {
            var service = services.SeedBuiltIn(("name", name), ("port", port.ToString(CultureInfo.InvariantCulture)), ("address", ""),
                ("vrf", "main"), ("invalid", "false"), ("disabled", disabled ? "true" : "false"));
            if (name.EndsWith("-ssl", StringComparison.Ordinal)) service["certificate"] = "none";
        }

        // VLAN interfaces are the client's to add (on one of the ports); they are not mirrored into /interface here.
        Add(new RouterMenu("/interface/vlan", false, new[] { "name", "vlan-id", "interface", "mtu", "arp", "use-service-tag" }, new[] { "name", "vlan-id", "interface" },
            new Dictionary<string, string> { ["mtu"] = "1500", ["arp"] = "enabled", ["use-service-tag"] = "false", ["running"] = "true", ["dynamic"] = "false" },
            readOnly: new[] { "mac-address", "running" },
            kinds: new Dictionary<string, RouterValueKind> { ["vlan-id"] = Int, ["mtu"] = Int, ["use-service-tag"] = Bool }));
        Add(new RouterMenu("/queue/simple", false, new[] { "name", "target", "max-limit", "limit-at", "burst-limit", "burst-threshold", "burst-time", "priority", "parent", "queue" },
            new[] { "name", "target" },
            new Dictionary<string, string>
            {
                ["max-limit"] = "0/0", ["limit-at"] = "0/0", ["burst-limit"] = "0/0", ["burst-threshold"] = "0/0", ["burst-time"] = "0s/0s",
                ["priority"] = "8/8", ["parent"] = "none", ["queue"] = "default-small/default-small", ["bytes"] = "0/0", ["packets"] = "0/0", ["dynamic"] = "false",
            },
            readOnly: new[] { "bytes", "packets", "rate", "packet-rate", "queued-bytes", "queued-packets", "total-bytes", "total-packets", "dropped" },
            kinds: new Dictionary<string, RouterValueKind> { ["target"] = RouterValueKind.List }, isOrdered: true));

        // Users: the password is write-only (never printed); the last full user cannot be removed (the processor checks).
        var users = Add(new RouterMenu("/user", false, new[] { "name", "group", "address" }, new[] { "name", "group" },
            new Dictionary<string, string> { ["address"] = "" }, readOnly: new[] { "last-logged-in" }, writeOnly: new[] { "password" },
            kinds: new Dictionary<string, RouterValueKind> { ["address"] = RouterValueKind.List }));
        users.Seed(("name", userName), ("group", "full"), ("address", ""), ("last-logged-in", "2026-12-01 09:00:00"), ("disabled", "false"),
            ("comment", "system default user"));

        // Logging actions: the four default actions are default=true entries, which cannot be removed.
        var actions = Add(new RouterMenu("/system/logging/action", false, new[] { "name", "target", "memory-lines", "disk-file-name", "remote" },
            new[] { "name", "target" }, new Dictionary<string, string> { ["default"] = "false" },
            kinds: new Dictionary<string, RouterValueKind> { ["memory-lines"] = Int }));
        actions.Seed(("name", "memory"), ("target", "memory"), ("memory-lines", "1000"), ("default", "true"), ("disabled", "false"));
        actions.Seed(("name", "disk"), ("target", "disk"), ("disk-file-name", "log"), ("default", "true"), ("disabled", "false"));
        actions.Seed(("name", "echo"), ("target", "echo"), ("default", "true"), ("disabled", "false"));
        actions.Seed(("name", "remote"), ("target", "remote"), ("remote", "0.0.0.0"), ("default", "true"), ("disabled", "false"));

        Add(new RouterMenu("/system/script", false, new[] { "name", "source", "policy", "dont-require-permissions", "owner" }, new[] { "name" },
            new Dictionary<string, string> { ["owner"] = "admin", ["policy"] = "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon", ["run-count"] = "0" },
            readOnly: new[] { "run-count", "last-started", "invalid" },
            kinds: new Dictionary<string, RouterValueKind> { ["policy"] = RouterValueKind.PolicyList, ["dont-require-permissions"] = Bool }));
        Add(new RouterMenu("/system/scheduler", false, new[] { "name", "on-event", "interval", "start-date", "start-time", "policy" }, new[] { "name" },
            new Dictionary<string, string>
            {
                ["interval"] = "0s", ["start-date"] = "2026-12-01", ["start-time"] = "startup", ["owner"] = "admin", ["run-count"] = "0", ["next-run"] = "",
                ["policy"] = "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon", ["dynamic"] = "false",
            },
            readOnly: new[] { "next-run", "run-count", "owner" },
            kinds: new Dictionary<string, RouterValueKind> { ["interval"] = RouterValueKind.Duration, ["policy"] = RouterValueKind.PolicyList }));
        Add(new RouterMenu("/file", false, new[] { "name", "contents" }, new[] { "name" }, readOnly: new[] { "type", "size", "creation-time" }));
    }

    /// <summary>Hold this while reading or changing anything.</summary>
    public object Sync { get; } = new();

    public IEnumerable<string> MenuPaths => _menus.Keys;

    /// <summary>Raised under <see cref="Sync"/> after an item is added, changed or removed (for listen commands).</summary>
    public event Action<RouterMenu, Dictionary<string, string>, bool>? Changed;

    public bool TryGetMenu(string path, out RouterMenu menu) => _menus.TryGetValue(path, out menu!);

    public RouterMenu Menu(string path) => _menus[path];

    internal void RaiseChanged(RouterMenu menu, Dictionary<string, string> item, bool removed) => Changed?.Invoke(menu, item, removed);

    /// <summary>
    /// Makes <c>/ip/route</c>'s dynamic connected routes match the enabled addresses, as the router does by itself:
    /// one per address network, removed with the address. Call under <see cref="Sync"/> after an address changes.
    /// </summary>
    internal void RefreshConnectedRoutes()
    {
        var routes = Menu("/ip/route");
        var wanted = Menu("/ip/address").Items
            .Where(a => a.TryGetValue("disabled", out var d) && d != "true" && a.ContainsKey("address") && a.ContainsKey("interface"))
            .Select(a => (Network: NetworkOf(a["address"]), Interface: a["interface"], Local: a["address"].Split('/')[0]))
            .Distinct().ToList();
        foreach (var stale in routes.Items.Where(r => r.TryGetValue("connect", out var c) && c == "true")
                     .Where(r => !wanted.Any(w => w.Network == r["dst-address"] && w.Interface == r["gateway"])).ToList())
        {
            routes.Items.Remove(stale);
            RaiseChanged(routes, stale, true);
        }
        foreach (var (network, gateway, local) in wanted)
        {
            if (routes.Items.Any(r => r.TryGetValue("connect", out var c) && c == "true" && r["dst-address"] == network && r["gateway"] == gateway)) continue;
            var route = routes.Seed(("dst-address", network), ("gateway", gateway), ("immediate-gw", gateway), ("distance", "0"),
                ("routing-table", "main"), ("local-address", local + "%" + gateway), ("scope", "10"), ("dynamic", "true"), ("active", "true"),
                ("connect", "true"), ("disabled", "false"));
            RaiseChanged(routes, route, false);
        }
    }

    /// <summary>The network of <c>192.168.88.1/24</c>: <c>192.168.88.0/24</c>.</summary>
    public static string NetworkOf(string address)
    {
        var parts = address.Split('/');
        var prefix = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 32;
        if (!System.Net.IPAddress.TryParse(parts[0], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || prefix > 32)
            return address;
        var bytes = ip.GetAddressBytes();
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        var network = value & mask;
        return $"{network >> 24}.{(network >> 16) & 255}.{(network >> 8) & 255}.{network & 255}/{prefix}";
    }

    /// <summary>Every menu's items, deep-copied: what a safe-mode take records (call under <see cref="Sync"/>).</summary>
    internal Dictionary<string, List<Dictionary<string, string>>> Snapshot() =>
        _menus.ToDictionary(m => m.Key, m => m.Value.Snapshot(), StringComparer.Ordinal);

    /// <summary>
    /// Puts every menu back as <paramref name="snapshot"/> had it, telling listeners about each item that changed or
    /// went away (call under <see cref="Sync"/>).
    /// </summary>
    internal void Restore(Dictionary<string, List<Dictionary<string, string>>> snapshot)
    {
        foreach (var (path, items) in snapshot)
        {
            var menu = _menus[path];
            var before = menu.Items.ToList();
            menu.Restore(items);
            foreach (var gone in before.Where(b => !menu.Items.Any(i => SameId(i, b)))) RaiseChanged(menu, gone, true);
            foreach (var item in menu.Items.Where(i => !before.Any(b => SameId(i, b) && SameContent(i, b)))) RaiseChanged(menu, item, false);
        }
    }

    private static bool SameId(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.TryGetValue(".id", out var x) ? b.TryGetValue(".id", out var y) && x == y : !b.ContainsKey(".id");

    private static bool SameContent(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private RouterMenu Add(RouterMenu menu)
    {
        _menus.Add(menu.Path, menu);
        return menu;
    }
}
