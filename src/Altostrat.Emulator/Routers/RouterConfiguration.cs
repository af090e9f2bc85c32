using System;
using System.Collections.Generic;
using System.Globalization;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// The in-memory configuration of one simulated router: the menus a script for a small office router touches.
/// All access goes through <see cref="Sync"/>, since a router serves several connections at once.
/// </summary>
public sealed class RouterConfiguration
{
    private readonly Dictionary<string, RouterMenu> _menus = new(StringComparer.Ordinal);

    public RouterConfiguration(string identity)
    {
        Add(new RouterMenu("/system/identity", true, new[] { "name" }, defaults: new Dictionary<string, string> { ["name"] = identity }));
        Add(new RouterMenu("/system/resource", true, Array.Empty<string>(), defaults: new Dictionary<string, string>
        {
            ["uptime"] = "1w2d3h4m5s", ["version"] = "7.16.1 (stable)", ["cpu-load"] = "2", ["free-memory"] = "912261120",
            ["total-memory"] = "1073741824", ["architecture-name"] = "x86_64", ["board-name"] = "CHR", ["platform"] = "MikroTik",
        }));
        var interfaces = Add(new RouterMenu("/interface", false, new[] { "name", "mtu" }));
        for (var i = 1; i <= 3; i++)
            interfaces.Seed(("name", "ether" + i.ToString(CultureInfo.InvariantCulture)), ("type", "ether"), ("mtu", "1500"),
                ("mac-address", $"4C:5E:0C:00:00:0{i}"), ("running", "true"), ("disabled", "false"));
        interfaces.Seed(("name", "bridge"), ("type", "bridge"), ("mtu", "1500"), ("mac-address", "4C:5E:0C:00:00:10"), ("running", "true"), ("disabled", "false"));
        var addresses = Add(new RouterMenu("/ip/address", false, new[] { "address", "interface", "network" }, new[] { "address", "interface" }));
        addresses.Seed(("address", "192.168.88.1/24"), ("network", "192.168.88.0"), ("interface", "bridge"), ("disabled", "false"));
        var filter = Add(new RouterMenu("/ip/firewall/filter", false,
            new[] { "chain", "action", "protocol", "src-address", "dst-address", "dst-port", "src-address-list", "dst-address-list", "in-interface", "out-interface", "connection-state", "place-before" },
            new[] { "chain" }, new Dictionary<string, string> { ["action"] = "accept" }));
        filter.Seed(("chain", "input"), ("action", "accept"), ("connection-state", "established,related"), ("disabled", "false"));
        filter.Seed(("chain", "input"), ("action", "drop"), ("in-interface", "ether1"), ("comment", "drop all from WAN"), ("disabled", "false"));
        Add(new RouterMenu("/ip/firewall/address-list", false, new[] { "list", "address", "timeout" }, new[] { "list", "address" }));
        Add(new RouterMenu("/ip/route", false, new[] { "dst-address", "gateway", "distance" }, new[] { "gateway" }));
        Add(new RouterMenu("/ip/dns", true, new[] { "servers", "allow-remote-requests" },
            defaults: new Dictionary<string, string> { ["servers"] = "", ["allow-remote-requests"] = "false" }));
        Add(new RouterMenu("/system/ntp/client", true, new[] { "enabled", "servers", "mode" },
            defaults: new Dictionary<string, string> { ["enabled"] = "false", ["servers"] = "", ["mode"] = "unicast" }));
        Add(new RouterMenu("/system/script", false, new[] { "name", "source", "policy", "dont-require-permissions", "owner" }, new[] { "name" },
            new Dictionary<string, string> { ["owner"] = "admin", ["policy"] = "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon", ["run-count"] = "0" }));
        Add(new RouterMenu("/file", false, new[] { "name", "contents" }, new[] { "name" }));
    }

    /// <summary>Hold this while reading or changing anything.</summary>
    public object Sync { get; } = new();

    public IEnumerable<string> MenuPaths => _menus.Keys;

    /// <summary>Raised under <see cref="Sync"/> after an item is added, changed or removed (for listen commands).</summary>
    public event Action<RouterMenu, Dictionary<string, string>, bool>? Changed;

    public bool TryGetMenu(string path, out RouterMenu menu) => _menus.TryGetValue(path, out menu!);

    public RouterMenu Menu(string path) => _menus[path];

    internal void RaiseChanged(RouterMenu menu, Dictionary<string, string> item, bool removed) => Changed?.Invoke(menu, item, removed);

    private RouterMenu Add(RouterMenu menu)
    {
        _menus.Add(menu.Path, menu);
        return menu;
    }
}
