using System;
using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Client;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// The menus desired-state documents may name. A menu outside the catalog is refused rather than guessed at: without
/// its key, read-only properties and value kinds the planner would report false changes or write what it must not.
/// </summary>
public static class MenuCatalog
{
    private static readonly Dictionary<string, MenuDefinition> Menus = Build().ToDictionary(m => m.Path, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<MenuDefinition> All => Menus.Values.OrderBy(m => m.Path, StringComparer.Ordinal);

    /// <summary>The menu at <paramref name="path"/> (API or CLI spelling, any case), or null when the catalog does not know it.</summary>
    public static MenuDefinition? Find(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        string normalized;
        try { normalized = RouterCommand.NormalizePath(path); }
        catch (ArgumentException) { return null; }
        return Menus.TryGetValue(normalized, out var menu) ? menu : null;
    }

    private static IEnumerable<MenuDefinition> Build()
    {
        var b = PropertyKind.Boolean;
        var d = PropertyKind.Duration;
        var k = PropertyKind.Keyword;
        var n = PropertyKind.Number;
        var a = PropertyKind.Address;
        var set = PropertyKind.Set;
        var list = PropertyKind.OrderedList;

        // Single-value menus name every setting they have, also those with no special comparison (Text): the planner
        // refuses a property that a router does not print only when the catalog does not know it either.
        yield return new MenuDefinition("/system/identity", MenuKind.SingleValue, kinds: new Dictionary<string, PropertyKind> { ["name"] = PropertyKind.Text });
        yield return new MenuDefinition("/ip/dns", MenuKind.SingleValue,
            readOnly: new[] { "dynamic-servers", "cache-used", "doh-servers-dynamic" },
            kinds: new Dictionary<string, PropertyKind>
            {
                ["servers"] = list, ["allow-remote-requests"] = b, ["cache-size"] = PropertyKind.SizeInKibibytes, ["cache-max-ttl"] = d,
                ["max-udp-packet-size"] = n, ["query-server-timeout"] = d, ["query-total-timeout"] = d, ["max-concurrent-queries"] = n,
                ["max-concurrent-tcp-sessions"] = n, ["verify-doh-cert"] = b, ["doh-timeout"] = d, ["doh-max-server-connections"] = n,
                ["doh-max-concurrent-queries"] = n, ["use-doh-server"] = PropertyKind.Text, ["address-list-extra-time"] = d, ["vrf"] = PropertyKind.Text,
                ["mdns-repeat-ifaces"] = set, ["cache-min-ttl"] = d,
            });
        yield return new MenuDefinition("/system/ntp/client", MenuKind.SingleValue,
            readOnly: new[] { "status", "synced-server", "synced-stratum", "system-offset", "freq-drift", "vrf-status" },
            kinds: new Dictionary<string, PropertyKind> { ["enabled"] = b, ["servers"] = list, ["mode"] = k, ["vrf"] = PropertyKind.Text });
        yield return new MenuDefinition("/snmp", MenuKind.SingleValue,
            readOnly: new[] { "engine-id" },
            kinds: new Dictionary<string, PropertyKind>
            {
                ["enabled"] = b, ["trap-interfaces"] = set, ["trap-version"] = n, ["trap-generators"] = set, ["trap-target"] = set,
                ["contact"] = PropertyKind.Text, ["location"] = PropertyKind.Text, ["trap-community"] = PropertyKind.Text, ["src-address"] = a, ["vrf"] = PropertyKind.Text,
            });
        yield return new MenuDefinition("/system/clock", MenuKind.SingleValue,
            readOnly: new[] { "time", "date", "gmt-offset", "dst-active" },
            kinds: new Dictionary<string, PropertyKind> { ["time-zone-autodetect"] = b, ["time-zone-name"] = PropertyKind.Text });

        var firewallKinds = new Dictionary<string, PropertyKind>
        {
            ["chain"] = PropertyKind.Text, ["action"] = k, ["protocol"] = k, ["connection-state"] = set, ["connection-nat-state"] = set,
            ["src-address"] = a, ["dst-address"] = a, ["dst-port"] = set, ["src-port"] = set, ["disabled"] = b, ["log"] = b,
            ["to-ports"] = PropertyKind.Text, ["to-addresses"] = a, ["address-list-timeout"] = d, ["ipsec-policy"] = k,
            ["in-interface"] = PropertyKind.Text, ["out-interface"] = PropertyKind.Text, ["tcp-flags"] = set, ["fragment"] = b, ["passthrough"] = b,
        };
        var firewallCounters = new[] { "bytes", "packets" };
        yield return new MenuDefinition("/ip/firewall/filter", MenuKind.List, new[] { "chain", "comment" }, orderGroup: "chain",
            readOnly: firewallCounters, kinds: firewallKinds);
        yield return new MenuDefinition("/ip/firewall/nat", MenuKind.List, new[] { "chain", "comment" }, orderGroup: "chain",
            readOnly: firewallCounters, kinds: firewallKinds);
        yield return new MenuDefinition("/ip/firewall/mangle", MenuKind.List, new[] { "chain", "comment" }, orderGroup: "chain",
            readOnly: firewallCounters, kinds: firewallKinds);
        yield return new MenuDefinition("/ip/firewall/raw", MenuKind.List, new[] { "chain", "comment" }, orderGroup: "chain",
            readOnly: firewallCounters, kinds: firewallKinds);
        yield return new MenuDefinition("/ip/firewall/address-list", MenuKind.List, new[] { "list", "address" },
            readOnly: new[] { "creation-time" },
            kinds: new Dictionary<string, PropertyKind> { ["address"] = a, ["timeout"] = d, ["disabled"] = b });
        // network is derived from address and the prefix length; actual-interface is what the router resolved.
        yield return new MenuDefinition("/ip/address", MenuKind.List, new[] { "address", "interface" },
            readOnly: new[] { "network", "actual-interface", "slave" }, addsKeepAccess: true,
            kinds: new Dictionary<string, PropertyKind> { ["address"] = a, ["network"] = a, ["disabled"] = b });
        yield return new MenuDefinition("/ip/route", MenuKind.List, new[] { "dst-address", "gateway" },
            readOnly: new[] { "active", "static", "connect", "hw-offloaded", "immediate-gw", "local-address", "ecmp", "bgp", "ospf", "rip", "dhcp", "modem", "vpn", "copy", "suppress-hw-offload", "contribution", "belongs-to" },
            addsKeepAccess: true,
            kinds: new Dictionary<string, PropertyKind> { ["dst-address"] = a, ["pref-src"] = a, ["distance"] = n, ["scope"] = n, ["target-scope"] = n, ["disabled"] = b, ["blackhole"] = b, ["check-gateway"] = k });
        yield return new MenuDefinition("/interface", MenuKind.FixedList, new[] { "name" },
            readOnly: new[] { "type", "actual-mtu", "mac-address", "last-link-up-time", "last-link-down-time", "link-downs", "fp-rx-byte", "fp-tx-byte", "rx-byte", "tx-byte", "rx-packet", "tx-packet", "rx-drop", "tx-drop", "tx-queue-drop", "rx-error", "tx-error", "fp-rx-packet", "fp-tx-packet", "slave", "default-name", "max-l2mtu" },
            kinds: new Dictionary<string, PropertyKind> { ["disabled"] = b, ["mtu"] = n, ["l2mtu"] = n });
        yield return new MenuDefinition("/interface/vlan", MenuKind.List, new[] { "name" },
            readOnly: new[] { "mac-address" },
            kinds: new Dictionary<string, PropertyKind> { ["vlan-id"] = n, ["mtu"] = n, ["disabled"] = b, ["use-service-tag"] = b, ["arp"] = k });
        yield return new MenuDefinition("/ip/service", MenuKind.FixedList, new[] { "name" },
            readOnly: new[] { "invalid", "proto", "connection", "dynamic", "max-sessions" },
            kinds: new Dictionary<string, PropertyKind> { ["port"] = n, ["address"] = set, ["disabled"] = b, ["tls-version"] = k });
        yield return new MenuDefinition("/user", MenuKind.List, new[] { "name" },
            readOnly: new[] { "last-logged-in", "expired" }, addsKeepAccess: true,
            kinds: new Dictionary<string, PropertyKind> { ["address"] = set, ["disabled"] = b, ["group"] = PropertyKind.Text });
        yield return new MenuDefinition("/ip/dns/static", MenuKind.List, new[] { "name", "type" },
            kinds: new Dictionary<string, PropertyKind> { ["address"] = a, ["ttl"] = d, ["disabled"] = b, ["type"] = k, ["match-subdomain"] = b });
        yield return new MenuDefinition("/system/scheduler", MenuKind.List, new[] { "name" },
            readOnly: new[] { "next-run", "run-count", "owner" },
            kinds: new Dictionary<string, PropertyKind> { ["interval"] = d, ["disabled"] = b, ["policy"] = set, ["start-date"] = PropertyKind.Text, ["start-time"] = PropertyKind.Text });
        yield return new MenuDefinition("/queue/simple", MenuKind.List, new[] { "name" },
            readOnly: new[] { "bytes", "packets", "rate", "packet-rate", "queued-bytes", "queued-packets", "total-bytes", "total-packets", "total-rate", "total-packet-rate", "total-queued-bytes", "total-queued-packets", "dropped", "total-dropped" },
            kinds: new Dictionary<string, PropertyKind> { ["max-limit"] = PropertyKind.Rate, ["limit-at"] = PropertyKind.Rate, ["burst-limit"] = PropertyKind.Rate, ["burst-threshold"] = PropertyKind.Rate, ["burst-time"] = d, ["disabled"] = b, ["target"] = set, ["priority"] = PropertyKind.Text });
    }
}
