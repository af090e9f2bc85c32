using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

public class ScriptRiskTests
{
    // The first command of each script, with the risk and a piece of the reason a person reads.
    [Theory]
    // Read
    [InlineData("/ip address print", ScriptRisk.Read, "'print' only reads")]
    [InlineData("/export file=before", ScriptRisk.Read, "'export' only reads")]
    [InlineData("/interface monitor-traffic ether1 once", ScriptRisk.Read, "'monitor-traffic' only reads")]
    [InlineData("/system resource get cpu-load", ScriptRisk.Read, "'get' only reads")]
    [InlineData("/ip firewall filter find chain=input", ScriptRisk.Read, "'find' only reads")]
    [InlineData("/ping 8.8.8.8 count=3", ScriptRisk.Read, "'ping' only reads")]
    [InlineData(":put \"hello\"", ScriptRisk.Read, "prints a value")]
    [InlineData(":log info \"hello\"", ScriptRisk.Read, "router's log")]
    [InlineData(":local x 1", ScriptRisk.Read, "sets a script variable")]
    [InlineData(":delay 1s", ScriptRisk.Read, "waits")]
    [InlineData(":if (true) do={}", ScriptRisk.Read, "analyzed on their own lines")]
    // Change
    [InlineData("/system identity set name=core-01", ScriptRisk.Change, "'set' changes configuration in /system/identity")]
    [InlineData("/ip dns set servers=1.1.1.1", ScriptRisk.Change, "'set' changes configuration in /ip/dns")]
    [InlineData("/ip firewall filter add chain=input action=accept", ScriptRisk.Change, "changes firewall rules")]
    [InlineData("/ip firewall filter add chain=forward action=drop", ScriptRisk.Change, "changes firewall rules")]
    [InlineData("/ip firewall filter add chain=input action=drop disabled=yes", ScriptRisk.Change, "filters nothing until it is enabled")]
    [InlineData("/ip firewall filter set [find chain=forward comment=\"fw\"] disabled=yes", ScriptRisk.Change, "filters nothing until it is enabled")]
    [InlineData("/ip firewall address-list add list=blocked address=192.0.2.1", ScriptRisk.Change, "in /ip/firewall/address-list")]
    [InlineData("/interface ethernet set ether2 comment=uplink", ScriptRisk.Change, "changes only the comment")]
    [InlineData("/interface enable ether2", ScriptRisk.Change, "changes interface configuration")]
    [InlineData("/ip dhcp-client disable 0", ScriptRisk.Change, "disables entries in /ip/dhcp-client")]
    [InlineData("/ip firewall filter comment 3 \"note\"", ScriptRisk.Change, "changes only the comment")]
    [InlineData("/ip address set [find address=\"10.0.0.1/24\"] comment=lan", ScriptRisk.Change, "changes only the comment of entries in /ip/address")]
    [InlineData("/user set admin comment=\"break glass\"", ScriptRisk.Change, "changes only the comment of entries in /user")]
    [InlineData("/ip route set numbers=*5 comment=uplink", ScriptRisk.Change, "changes only the comment")]
    // Rules the command selects by a chain other than input (or prerouting in raw) cannot carry the operator's access
    [InlineData("/ip firewall filter move [find chain=\"forward\" comment=\"a\"] destination=[find chain=\"forward\" comment=\"b\"]", ScriptRisk.Change, "'move' changes firewall rules")]
    [InlineData("/ip firewall filter move [find where chain=forward comment=\"a b\"]", ScriptRisk.Change, "'move' changes firewall rules")]
    [InlineData("/ip firewall filter set [find chain=forward comment=\"guest\"] disabled=yes", ScriptRisk.Change, "leaves the rule disabled")]
    [InlineData("/ip firewall filter set [find chain=forward comment=\"guest\"] action=drop", ScriptRisk.Change, "'set' changes firewall rules")]
    [InlineData("/ip firewall raw move [find chain=\"output\" comment=\"a\"]", ScriptRisk.Change, "'move' changes firewall rules")]
    [InlineData("/ip firewall filter set [find chain=forward comment=\"guest\"] chain=output", ScriptRisk.Change, "'set' changes firewall rules")]
    [InlineData("/ip firewall filter set [find chain=forward comment=\"guest\"] src-address=10.99.99.99", ScriptRisk.Change, "'set' changes firewall rules")]
    [InlineData("/ip firewall filter set [find chain=input comment=\"est\"] comment=\"established\" log=yes", ScriptRisk.Change, "'set' changes firewall rules")]
    [InlineData("/ip firewall filter set [find chain=input comment=\"trap\"] address-list-timeout=1d", ScriptRisk.Change, "'set' changes firewall rules")]
    [InlineData("/ip firewall filter unset [find chain=input comment=\"est\"] log-prefix", ScriptRisk.Change, "'unset' changes firewall rules")]
    [InlineData("/ip firewall filter unset [find chain=forward comment=\"fw\"] in-interface", ScriptRisk.Change, "'unset' changes firewall rules")]
    [InlineData("/ip firewall filter enable [find chain=forward comment=\"fw\"]", ScriptRisk.Change, "'enable' changes firewall rules")]
    [InlineData("/ip firewall filter set [find chain=\"forward\" comment=\"fwd ok\"] chain=input action=accept", ScriptRisk.Change, "'set' changes firewall rules")]
    [InlineData("/system script run cleanup", ScriptRisk.Change, "runs another script")]
    [InlineData("/certificate export-certificate c1 export-passphrase=s3cret", ScriptRisk.Change, "'export-certificate' changes configuration in /certificate")]
    [InlineData("/import file-name=setup.rsc", ScriptRisk.Change, "runs the commands in a file")]
    [InlineData(":execute \"/system reboot\"", ScriptRisk.Change, "cannot see that code")]
    [InlineData(":global f [:parse \"/system reboot\"]", ScriptRisk.Read, "sets a script variable")]
    [InlineData("$undefined arg=1", ScriptRisk.Change, "which this script does not define")]
    // Destructive: remove anywhere, with specific words for files and certificates
    [InlineData("/ip firewall address-list remove [find list=old]", ScriptRisk.Destructive, "removes entries from /ip/firewall/address-list")]
    // Reordering or disabling rules that may carry your own access (desired-state moves and sets write these)
    [InlineData("/ip firewall filter move [find chain=\"input\" comment=\"mgmt\"] destination=[find chain=\"input\" comment=\"drop\"]", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter move 3 0", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter move [find comment=\"chain=forward\"]", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter move [find chain=forward or chain=input]", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter move [find chain!=forward]", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter move [find chain=forward chain=input]", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter move [find chain=$c comment=x]", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter set [find chain=\"input\" comment=\"mgmt\"] disabled=yes", ScriptRisk.Destructive, "disables firewall rules")]
    [InlineData("/ip firewall filter set [find chain=\"input\" comment=\"est\"] src-address=10.99.99.99", ScriptRisk.Destructive, "changes what rules on the input chain match")]
    [InlineData("/ip firewall filter set 0 in-interface=ether9", ScriptRisk.Destructive, "changes what rules on the input chain match")]
    [InlineData("/ip firewall filter unset [find chain=\"input\" comment=\"drop all from WAN\"] in-interface", ScriptRisk.Destructive, "takes a condition off rules on the input chain")]
    [InlineData("/ip firewall raw unset 3 src-address", ScriptRisk.Destructive, "takes a condition off rules on the prerouting chain")]
    [InlineData("/ip firewall filter set [find chain=\"forward\" comment=\"fwd drop\"] chain=input", ScriptRisk.Destructive, "moves rules into the input chain")]
    [InlineData("/ip firewall filter set [find chain=\"forward\" comment=\"x\"] chain=input action=jump jump-target=drop-all", ScriptRisk.Destructive, "moves rules into the input chain")]
    [InlineData("/ip firewall filter set [find chain=input comment=\"drop wan\"] comment=x !in-interface", ScriptRisk.Destructive, "takes a condition off rules on the input chain")]
    [InlineData("/ip firewall filter unset 0 value=in-interface", ScriptRisk.Destructive, "takes a condition off rules on the input chain")]
    [InlineData("/ip firewall filter enable [find chain=input comment=\"drop wan\"]", ScriptRisk.Destructive, "enables firewall rules")]
    [InlineData("/ip firewall filter set [find chain=input comment=\"drop wan\"] disabled=no", ScriptRisk.Destructive, "enables firewall rules")]
    [InlineData("/ip firewall filter set [find chain=forward comment=\"x\"] chain=$c", ScriptRisk.Destructive, "moves rules into the input chain")]
    [InlineData("/interface bridge vlan set [find vlan-ids=99] comment=x !tagged", ScriptRisk.Destructive, "bridge VLAN table")]
    [InlineData("/ip firewall filter add ch=input ac=drop", ScriptRisk.Destructive, "drops traffic to the router on the input chain")]
    // Parameter names written short, as RouterOS takes them
    [InlineData("/ip firewall filter add chain=input act=drop", ScriptRisk.Destructive, "drops traffic to the router on the input chain")]
    [InlineData("/ip firewall filter add cha=input action=reject", ScriptRisk.Destructive, "rejects traffic to the router on the input chain")]
    [InlineData("/interface set ether1 dis=yes", ScriptRisk.Destructive, "disables an interface")]
    [InlineData("/ip firewall filter set [find chain=input comment=\"mgmt\"] action=accept src-address=203.0.113.9", ScriptRisk.Destructive, "changes what rules on the input chain match")]
    [InlineData("/ip firewall raw set [find chain=prerouting comment=\"x\"] protocol=udp", ScriptRisk.Destructive, "changes what rules on the prerouting chain match")]
    [InlineData("/ip firewall raw move [find chain=\"prerouting\" comment=\"a\"]", ScriptRisk.Destructive, "reorders firewall rules")]
    [InlineData("/ip firewall filter set [find chain=input comment=\"mgmt\"] chain=forward", ScriptRisk.Destructive, "moves rules to another chain")]
    [InlineData("/ip firewall filter set 3 chain=forward", ScriptRisk.Destructive, "moves rules to another chain")]
    // chain= on a set is the chain the rule goes to: the rule the find selects may be the input rule that lets you in
    [InlineData("/ip firewall filter set [find comment=\"fw\"] chain=forward disabled=yes", ScriptRisk.Destructive, "moves rules to another chain")]
    [InlineData("/ip firewall filter set [find comment=\"mgmt\"] disabled=yes", ScriptRisk.Destructive, "disables firewall rules")]
    [InlineData("/ip firewall filter disable 2", ScriptRisk.Destructive, "disables firewall rules")]
    [InlineData("/system scheduler remove 0", ScriptRisk.Destructive, "removes entries from /system/scheduler")]
    [InlineData("/file remove backup.rsc", ScriptRisk.Destructive, "deletes files")]
    [InlineData("/certificate remove [find name=api]", ScriptRisk.Destructive, "deletes certificates")]
    // Destructive: disabling interfaces, services, users, routes
    [InlineData("/interface disable ether1", ScriptRisk.Destructive, "disables an interface")]
    [InlineData("/interface ethernet set [find default-name=ether1] disabled=yes", ScriptRisk.Destructive, "disables an interface")]
    [InlineData("/interface set ether1 disabled=true", ScriptRisk.Destructive, "disables an interface")]
    [InlineData("/interface set ether1 disabled=$off", ScriptRisk.Destructive, "computed at run time")]
    [InlineData("/ip service disable telnet", ScriptRisk.Destructive, "management services")]
    [InlineData("/ip service set ssh port=2222", ScriptRisk.Destructive, "management services")]
    [InlineData("/user disable admin", ScriptRisk.Destructive, "router accounts")]
    [InlineData("/user set admin comment=x group=read", ScriptRisk.Destructive, "router accounts")]
    [InlineData("/user add name=ops group=full password=x", ScriptRisk.Destructive, "router accounts")]
    [InlineData("/user group set full policy=local", ScriptRisk.Destructive, "router accounts")]
    [InlineData("/ip route set [find dst-address=0.0.0.0/0] disabled=yes", ScriptRisk.Destructive, "changes routes")]
    [InlineData("/ip route add gateway=192.0.2.1", ScriptRisk.Destructive, "changes routes")]
    [InlineData("/ipv6 route add gateway=fe80::1%ether1", ScriptRisk.Destructive, "changes routes")]
    // Destructive: addressing and layer 2 that carry management
    [InlineData("/ip address add address=10.0.0.1/24 interface=ether1", ScriptRisk.Destructive, "IP addresses")]
    [InlineData("/ip/address/set 0 interface=ether2", ScriptRisk.Destructive, "IP addresses")]
    [InlineData("/ipv6 address add address=2001:db8::1/64 interface=ether1", ScriptRisk.Destructive, "IP addresses")]
    [InlineData("/tool fetch url=\"https://example.net/a.rsc\" dst-path=a.rsc", ScriptRisk.Change, "can write files")]
    [InlineData("/ip firewall filter enable [find comment=old]", ScriptRisk.Destructive, "enables firewall rules")]
    [InlineData("/interface vlan add name=mgmt vlan-id=99 interface=bridge", ScriptRisk.Destructive, "management VLAN")]
    [InlineData("/interface bridge port add bridge=bridge interface=ether2", ScriptRisk.Destructive, "bridge port membership")]
    [InlineData("/interface bridge vlan add bridge=bridge vlan-ids=10", ScriptRisk.Destructive, "bridge VLAN table")]
    [InlineData("/interface bridge set bridge vlan-filtering=yes", ScriptRisk.Destructive, "VLAN filtering")]
    [InlineData("/interface bridge set bridge comment=lan", ScriptRisk.Change, "changes only the comment")]
    // Destructive: firewall rules that drop or reject traffic to the router
    [InlineData("/ip firewall filter add chain=input action=drop", ScriptRisk.Destructive, "drops traffic to the router on the input chain")]
    [InlineData("/ip firewall filter add chain=input action=reject reject-with=icmp-admin-prohibited", ScriptRisk.Destructive, "rejects traffic to the router")]
    [InlineData("/ip/firewall/filter/add chain=\"input\" action=\"drop\" protocol=tcp dst-port=8291", ScriptRisk.Destructive, "on the input chain")]
    [InlineData("/ip firewall filter set [find comment=mgmt] action=drop", ScriptRisk.Destructive, "does not say the chain")]
    [InlineData("/ip firewall filter add chain=input action=$verdict", ScriptRisk.Destructive, "computed at run time")]
    [InlineData("/ip firewall raw add chain=prerouting action=drop src-address=0.0.0.0/0", ScriptRisk.Destructive, "on the prerouting chain")]
    [InlineData("/ip firewall raw add chain=output action=drop", ScriptRisk.Change, "changes firewall rules")]
    [InlineData("/ipv6 firewall filter add chain=input action=drop", ScriptRisk.Destructive, "on the input chain")]
    // Destructive: the whole router
    [InlineData("/system reset-configuration no-defaults=yes", ScriptRisk.Destructive, "erases the router's configuration")]
    [InlineData("/system reboot", ScriptRisk.Destructive, "reboots the router")]
    [InlineData("/system/shutdown", ScriptRisk.Destructive, "powers the router off")]
    [InlineData("/system package downgrade", ScriptRisk.Destructive, "downgrades RouterOS")]
    [InlineData("/system package uninstall wireless", ScriptRisk.Destructive, "uninstalls a package")]
    [InlineData("/system package update install", ScriptRisk.Destructive, "installs a RouterOS update")]
    [InlineData("/system package disable wireless", ScriptRisk.Destructive, "disables a package")]
    [InlineData("/system routerboard upgrade", ScriptRisk.Destructive, "RouterBOOT firmware")]
    [InlineData("/system backup load name=old.backup", ScriptRisk.Destructive, "replaces the whole configuration")]
    [InlineData("/disk format-drive disk1", ScriptRisk.Destructive, "erases a disk")]
    public void Gives_each_command_its_risk_and_reason(string script, ScriptRisk risk, string reason)
    {
        var command = ScriptAnalyzer.Analyze(script).Commands.First();

        Assert.Equal(risk, command.Risk);
        Assert.Contains(reason, command.Reason);
    }

    [Fact]
    public void Relative_commands_take_the_risk_of_the_menu_they_resolve_to()
    {
        var analysis = ScriptAnalyzer.Analyze("/ip firewall filter\nadd chain=forward action=accept\nadd chain=input action=drop\n/system\nreboot");

        Assert.Equal(new[] { ScriptRisk.Change, ScriptRisk.Destructive, ScriptRisk.Destructive }, analysis.Commands.Select(c => c.Risk));
        Assert.Equal(new[] { 2, 3, 5 }, analysis.Commands.Select(c => c.Line));
    }

    [Fact]
    public void Commands_inside_blocks_and_functions_are_judged_on_their_own_lines()
    {
        var analysis = ScriptAnalyzer.Analyze(":local purge do={\n  /ip route remove [find comment=\"temp\"]\n}\n:if ([:len [/ip route find]] > 100) do={ $purge }");

        var remove = Assert.Single(analysis.Commands, c => c.Command == "remove");
        Assert.Equal((2, ScriptRisk.Destructive), (remove.Line, remove.Risk));
        var call = Assert.Single(analysis.Commands, c => c.Command == "$purge");
        Assert.Equal(ScriptRisk.Read, call.Risk);
        Assert.Contains("defined at line 1", call.Reason);
        Assert.True(analysis.IsDestructive);
        Assert.Equal(ScriptRisk.Destructive, analysis.MaxRisk);
    }

    [Fact]
    public void A_script_of_reads_is_not_destructive()
    {
        var analysis = ScriptAnalyzer.Analyze("/ip address print\n:put [/system resource get uptime]");

        Assert.Equal(ScriptRisk.Read, analysis.MaxRisk);
        Assert.False(analysis.IsDestructive);
    }

    [Fact]
    public void An_empty_script_reads_nothing()
    {
        var analysis = ScriptAnalyzer.Analyze("   \n# only a comment\n");

        Assert.Empty(analysis.Commands);
        Assert.Equal(ScriptRisk.Read, analysis.MaxRisk);
        Assert.True(analysis.IsValid);
    }
}
