using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

public class SecretValuesTests
{
    [Theory]
    [InlineData("/user set admin password=s3cret", "/user set admin password=***")]
    [InlineData("/user add name=ops group=full password=\"two words \\\"q\\\"\" comment=x", "/user add name=ops group=full password=*** comment=x")]
    [InlineData("/interface wireless security-profiles set default wpa2-pre-shared-key=abc123", "/interface wireless security-profiles set default wpa2-pre-shared-key=***")]
    [InlineData("/ip ipsec identity add secret=k; /snmp community set public authentication-password=p", "/ip ipsec identity add secret=***; /snmp community set public authentication-password=***")]
    // Inside a value that holds script (a scheduler's on-event, a bracketed command), secrets are masked too, quoted or
    // not; text that merely looks like one is masked with them, which hides a value from a reader and nothing more.
    [InlineData("/system scheduler add name=x on-event=\"/tool fetch url=http://a/ user=u password=\\\"hunter2\\\" ; /user set admin password=plain2\"",
        "/system scheduler add name=x on-event=\"/tool fetch url=http://a/ user=u password=*** ; /user set admin password=***\"")]
    [InlineData("/system scheduler add name=y on-event=[/user set admin password=p3]", "/system scheduler add name=y on-event=[/user set admin password=***]")]
    [InlineData("/system identity set name=\"password=looks-like-one\"", "/system identity set name=\"password=***\"")]
    // Inside a quoted value the script's own escapes count: a password holding a quote, an expression, a [command].
    [InlineData("/system scheduler add on-event=\"/user set admin password=\\\"ab\\\\\\\"cd\\\" comment=x\"", "/system scheduler add on-event=\"/user set admin password=*** comment=x\"")]
    [InlineData("/system scheduler add on-event=\"/user set admin password=(\\\"ab\\\" . \\\"cd\\\")\"", "/system scheduler add on-event=\"/user set admin password=***\"")]
    [InlineData("/system scheduler add on-event=\"/user set admin password=[:pick \\\"abcdef\\\" 0 6]\"", "/system scheduler add on-event=\"/user set admin password=***\"")]
    [InlineData("/system scheduler add on-event=\"/user set admin password=pa\\$\\$word\"", "/system scheduler add on-event=\"/user set admin password=***\"")]
    [InlineData("/system script add name=z source=\":put \\\"a=b\\\"\" comment=\"x=y\"", "/system script add name=z source=\":put \\\"a=b\\\"\" comment=\"x=y\"")]
    [InlineData("/ip address add address=10.0.0.1/24 interface=ether1", "/ip address add address=10.0.0.1/24 interface=ether1")]
    [InlineData("/user add name=bob pass=Secret1", "/user add name=bob pass=***")]
    [InlineData("/user set bob password=(\"ab\" . \"cd\") comment=x", "/user set bob password=*** comment=x")]
    [InlineData("/user set bob password=[:pick \"abc\" 0 3]", "/user set bob password=***")]
    [InlineData("/routing ospf interface-template set 0 auth-key=k1; /routing bgp connection set 0 tcp-md5-key=k2", "/routing ospf interface-template set 0 auth-key=***; /routing bgp connection set 0 tcp-md5-key=***")]
    [InlineData("/snmp set trap-community=s3cret", "/snmp set trap-community=***")]
    [InlineData("/interface wireguard peers add public-key=\"YWJj\" preshared-key=\"ZGVm\"", "/interface wireguard peers add public-key=\"YWJj\" preshared-key=***")]
    [InlineData(":local pw \"s3cret\"; /user set ops password=$pw", ":local pw ***; /user set ops password=***")]
    [InlineData(":global adminPassword [/file get key.txt contents]", ":global adminPassword ***")]
    [InlineData(":set pass \"x\"; :local name \"keep\"", ":set pass ***; :local name \"keep\"")]
    [InlineData("/tool fetch url=\"sftp://backup:s3cret@192.0.2.9/cfg.rsc\" upload=yes", "/tool fetch url=\"sftp://backup:***@192.0.2.9/cfg.rsc\" upload=yes")]
    [InlineData("/tool fetch url=https://user@example.net/a:b@c mode=https", "/tool fetch url=https://user@example.net/a:b@c mode=https")]
    [InlineData(":local pw; :local pw ", ":local pw; :local pw ")]
    [InlineData(":global apiKey \"K3Y\"; :local authToken \"t\"; :local monitor \"ether1\"", ":global apiKey ***; :local authToken ***; :local monitor \"ether1\"")]
    [InlineData(":local bypass yes; :local monkey 1; :local adminPass \"x\"; :local api-key k", ":local bypass yes; :local monkey 1; :local adminPass ***; :local api-key ***")]
    public void Masks_the_values_of_secret_properties_in_text_for_people(string line, string expected)
    {
        Assert.Equal(expected, SecretValues.Redact(line));
    }

    [Fact]
    public void Values_nested_without_end_are_searched_to_a_bounded_depth_in_bounded_time()
    {
        // From a router (a script's source shown in a change's table): no depth of nesting may exhaust the stack.
        var deep = "/system script add name=x source=" + string.Concat(Enumerable.Repeat("[a=", 50_000)) + new string(']', 50_000) + " password=p";
        var shown = SecretValues.Redact(deep);
        Assert.EndsWith(" password=***", shown);
        var unbalanced = "x=[" + string.Concat(Enumerable.Repeat("\"a=(b ", 50_000));
        Assert.Equal(unbalanced, SecretValues.Redact(unbalanced));
        var declarations = string.Concat(Enumerable.Repeat(":set x [", 30_000));
        Assert.Equal(declarations, SecretValues.Redact(declarations));
    }

    [Theory]
    // Deeper than values are entered, a secret is still masked where it stands: scripts nest do={} blocks freely.
    [InlineData("/system scheduler add name=s on-event=\":if (1=1) do={:foreach i in=[/interface find] do={:if (true) do={:do {:if (1) do={/user set admin password=\\\"leak2\\\"}} on-error={}}}}\" interval=1d",
        "/system scheduler add name=s on-event=\":if (1=1) do={:foreach i in=[/interface find] do={:if (true) do={:do {:if (1) do={/user set admin password=***}} on-error={}}}}\" interval=1d")]
    [InlineData("a=[b=[c=[d=[e=[password=deep]]]]]", "a=[b=[c=[d=[e=[password=***]]]]]")]
    public void Secrets_nested_deeper_than_values_are_entered_are_still_masked(string line, string expected) =>
        Assert.Equal(expected, SecretValues.Redact(line));

    [Fact]
    public void An_analysis_shows_no_secret_in_its_commands_or_arguments_but_keeps_the_value_to_run()
    {
        var command = ScriptAnalyzer.Analyze("/user set [find name=ops] password=s3cret-value").Commands.First();

        Assert.DoesNotContain("s3cret-value", command.Text);
        Assert.DoesNotContain(command.Arguments, a => a.Text.Contains("s3cret-value"));
        Assert.Equal("s3cret-value", command.Arguments.Single(a => a.Name == "password").Value);
    }

    [Fact]
    public void An_analysis_shows_no_password_given_to_a_script_variable()
    {
        var analysis = ScriptAnalyzer.Analyze(":local pw \"s3cret-value\"\n/user set [find name=ops] password=$pw");

        Assert.All(analysis.Commands, c => Assert.DoesNotContain("s3cret-value", c.Text));
        Assert.All(analysis.Commands.SelectMany(c => c.Arguments), a => Assert.DoesNotContain("s3cret-value", a.Text));
    }

    [Fact]
    public void A_long_line_cut_for_display_never_shows_the_start_of_a_password_in_a_url()
    {
        var prefix = "/tool fetch upload=yes src-path=" + new string('b', 95) + ".backup url=\"sftp://backup:";
        var command = ScriptAnalyzer.Analyze(prefix + "S3cretPassw0rd@192.0.2.9/x\"").Commands.Single();

        Assert.DoesNotContain("S3cret", command.Text);
        Assert.EndsWith("...", command.Text);
    }

    [Fact]
    public void An_API_command_reads_masked_as_a_script_line_and_is_sent_as_given()
    {
        var command = new RouterCommand("/user/set").With("numbers", "ops").With("password", "s3cret-value");

        Assert.Equal("/user set numbers=ops password=***", command.ToScriptLine());
        Assert.Equal("s3cret-value", command.Parameters.Single(p => p.Key == "password").Value);
    }

    [Fact]
    public void An_API_command_masks_a_secret_inside_another_value_and_escapes_control_characters_as_a_change_line_does()
    {
        var command = new RouterCommand("/system/scheduler/add").With("name", "rotate")
            .With("on-event", "/user set admin password=hunter2-value")
            .With("comment", "ok\u001b[2Jcleared");

        var line = command.ToScriptLine();

        Assert.Equal("/system scheduler add name=rotate on-event=\"/user set admin password=***\" comment=\"ok\\1B[2Jcleared\"", line);
        Assert.Equal("/user set admin password=hunter2-value", command.Parameters.Single(p => p.Key == "on-event").Value);
        // The risk gate reads the same line: a scheduler entry is still a change.
        Assert.NotEqual(ScriptRisk.Read, ScriptAnalyzer.Analyze(line).MaxRisk);
    }

    [Fact]
    public void A_desired_state_change_shows_a_masked_script_and_sends_the_password()
    {
        var document = DesiredStateDocument.Parse("""{ "/user": { "Entries": [ { "name": "ops", "group": "full", "password": "s3cret-value" } ] } }""");
        var plan = ConfigurationPlanner.Plan(document, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>());

        var add = plan.Changes.Single();
        Assert.DoesNotContain("s3cret-value", add.Script);
        Assert.Contains("password=***", add.Script);
        var commands = new List<RouterCommand>();
        add.AddCommandsTo(commands, _ => null);
        Assert.Equal("s3cret-value", commands.Single().Parameters.Single(p => p.Key == "password").Value);
    }

    [Fact]
    public void A_desired_state_change_masks_a_secret_held_inside_another_value_and_sends_it_whole()
    {
        const string onEvent = "/tool fetch url=\"sftp://u:p4ss@192.0.2.9/x\"; /user set ops password=s3cret";
        var document = DesiredStateDocument.FromTree(new System.Collections.Hashtable
        {
            ["/system/scheduler"] = new System.Collections.Hashtable { ["Entries"] = new object[] { new System.Collections.Hashtable { ["name"] = "s1", ["on-event"] = onEvent } } },
        });
        var add = ConfigurationPlanner.Plan(document, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>()).Changes.Single();

        Assert.DoesNotContain("p4ss", add.Script);
        Assert.DoesNotContain("s3cret", add.Script);
        var commands = new List<RouterCommand>();
        add.AddCommandsTo(commands, _ => null);
        Assert.Equal(onEvent, commands.Single().Parameters.Single(p => p.Key == "on-event").Value);
    }
}
