using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Tests.Support;
using Xunit;
using static Altostrat.Tests.Support.PowerShellRun;

namespace Altostrat.Tests.Module;

/// <summary>
/// Test-AltoRouterScript and the risk-aware confirmation of the cmdlets that send scripts, on the PowerShell engine
/// with the built module. The test host answers every prompt "No" and records it as a "PROMPT:" host line.
/// </summary>
public sealed class ScriptAnalysisModuleTests
{
    private const string Credential = ModuleRouters.Credential;
    private const string Destructive = "/ip address add address=10.9.0.1/24 interface=ether3";
    private const string InOneHour = "([datetime]::Now.AddHours(1))";

    private static SimulatedRouter Router() => ModuleRouters.Start("edge");

    private static string Name(SimulatedRouter router) => ModuleRouters.Name(router);

    private static bool HasAddress(SimulatedRouter router) => router.Configuration.Menu("/ip/address").Items.Any(i => i["address"] == "10.9.0.1/24");

    private static string[] Texts(PowerShellRun run) => run.Output.Select(o => (string?)o["text"] ?? "").ToArray();

    [Fact]
    public async Task Test_AltoRouterScript_shows_the_risky_lines_and_why()
    {
        var file = Path.Combine(Path.GetTempPath(), $"alto-{Guid.NewGuid():N}.rsc");
        await File.WriteAllTextAsync(file, "/ip firewall filter\nadd chain=input action=drop\n");
        try
        {
            var run = await RunAsync($$"""
                $a = Test-AltoRouterScript -Script "/ip address print`n/ip dns set servers=9.9.9.9`n/system reboot"
                '{0}|{1}|{2}|{3}' -f $a.IsValid, $a.IsDestructive, $a.MaxRisk, $a.Commands.Count
                ($a.RiskyCommands | ForEach-Object { '{0}:{1}' -f $_.Line, $_.Risk }) -join ','
                $a.RiskyCommands[0].Reason
                $b = Test-AltoRouterScript -Path '{{file}}'
                '{0}|{1}|{2}|{3}' -f $b.Source, $b.Commands[0].Path, $b.Commands[0].Command, ($b.Commands[0].Arguments -join ' ')
                '/system reboot' | Test-AltoRouterScript -Quiet
                ':put (1' | Test-AltoRouterScript -Quiet
                $c = Test-AltoRouterScript ':put (1'
                $c.Diagnostics[0].ToString()
                Test-AltoRouterScript -Path ./no-such-file.rsc
                """);

            Assert.Equal(new[]
            {
                "True|True|Destructive|3",
                "3:Destructive,2:Change",
                "reboots the router; every session, tunnel and the management connection drop until it is back",
                $"{file}|/ip/firewall/filter|add|chain=input action=drop",
                "True",
                "False",
                "line 1, column 6: This '(' is never closed; add the matching ')'.",
            }, Texts(run));
            var error = Assert.Single(run.Errors);
            Assert.Equal("AltostratScript.FileNotFound,Altostrat.PowerShell.Cmdlets.Routers.TestAltoRouterScriptCommand", (string?)error["id"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Test_AltoRouterScript_takes_scripts_from_AI_and_scheduled_script_objects()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync($"""
            New-AltoAiScript -Prompt 'block tcp port 23' -WarningAction SilentlyContinue | Test-AltoRouterScript | ForEach-Object {"{"} '{"{"}0{"}"}|{"{"}1{"}"}' -f $_.Source, $_.IsDestructive {"}"}
            $s = New-AltoScheduledScript -Description d -Script '/system identity print' -LaunchAt {InOneHour} -SiteId site_emu0001
            Get-AltoScheduledScript | Test-AltoRouterScript | ForEach-Object {"{"} '{"{"}0{"}"}|{"{"}1{"}"}' -f ($_.Source -eq $s.Id), $_.MaxRisk {"}"}
            """, host);

        Assert.True(run.Errors.Count == 0, run.ToString());
        var texts = Texts(run).Where(t => t.Contains('|')).ToArray();
        Assert.StartsWith("cmpl-emu-", texts[0]);
        Assert.EndsWith("|True", texts[0]);
        Assert.Equal("True|Read", texts[1]);
    }

    [Fact]
    public async Task A_destructive_script_asks_by_default_and_runs_nowhere_when_refused()
    {
        await using var router = Router();
        var run = await RunAsync(Credential + $"Invoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script \"/ip address print`n{Destructive}\"");

        var prompt = Assert.Single(run.HostLines, l => l.StartsWith("PROMPT:"));
        Assert.Contains("Destructive RouterOS script", prompt);
        Assert.Contains("line 2: /ip address add", prompt);
        Assert.Contains("changes the router's IP addresses", prompt);
        Assert.Empty(run.Output);
        Assert.Equal(0, router.ConnectionCount);
        Assert.False(HasAddress(router));
    }

    [Fact]
    public async Task Where_no_one_can_answer_a_destructive_script_fails_with_what_to_do_instead()
    {
        await using var router = Router();
        var run = await RunAsync(Credential + $"""
            Invoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script '{Destructive}'
            "after"
            """, interactive: false);

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("AltostratScript.ConfirmationUnavailable,", (string?)error["id"]);
        Assert.Contains("line 1: /ip address add", (string?)error["message"]);
        Assert.Contains("-Force or -Confirm:$false", (string?)error["message"]);
        Assert.Equal(new[] { "after" }, Texts(run)); // no result: the error ended that statement only
        Assert.Equal(0, router.ConnectionCount);
        Assert.False(HasAddress(router));
    }

    [Theory]
    [InlineData("-Force", "")]
    [InlineData("-Confirm:$false", "")]
    [InlineData("", "$ConfirmPreference = 'None'")]
    public async Task Force_Confirm_false_or_no_confirmation_preference_run_it_without_a_question(string parameter, string prelude)
    {
        await using var router = Router();
        var run = await RunAsync(Credential + prelude + $"\nInvoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script '{Destructive}' {parameter} | ForEach-Object Status");

        Assert.DoesNotContain(run.HostLines, l => l.StartsWith("PROMPT:"));
        Assert.Equal(new[] { "Succeeded" }, Texts(run));
        Assert.True(HasAddress(router));
    }

    [Theory]
    [InlineData("-Confirm", "")]
    [InlineData("", "$ConfirmPreference = 'Medium'")]
    public async Task When_ShouldProcess_asks_anyway_it_asks_once_with_the_reasons(string parameter, string prelude)
    {
        await using var router = Router();
        var run = await RunAsync(Credential + prelude + $"\nInvoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script '{Destructive}' {parameter}");

        var prompt = Assert.Single(run.HostLines, l => l.StartsWith("PROMPT:"));
        Assert.Contains("line 1: /ip address add", prompt);
        Assert.False(HasAddress(router));
    }

    [Fact]
    public async Task A_harmless_script_does_not_ask_and_WhatIf_prints_the_analysis()
    {
        await using var router = Router();
        var run = await RunAsync(Credential + $"""
            Invoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script '/system identity set name=core' | ForEach-Object Status
            Invoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script '{Destructive}' -WhatIf
            """);

        Assert.DoesNotContain(run.HostLines, l => l.StartsWith("PROMPT:"));
        Assert.Equal(new[] { "Succeeded" }, Texts(run));
        var whatIf = Assert.Single(run.HostLines, l => l.StartsWith("What if"));
        Assert.Contains("DESTRUCTIVE", whatIf);
        var index = run.HostLines.IndexOf(whatIf);
        Assert.Contains("line 1: /ip address add", string.Join("\n", run.HostLines.Skip(index)));
        Assert.False(HasAddress(router));
    }

    [Fact]
    public async Task A_script_with_syntax_errors_is_refused_unless_Force()
    {
        await using var router = Router();
        var run = await RunAsync(Credential + $"""
            Invoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script ':log info "x" :log info "y"'
            "after"
            Invoke-AltoRouterScript -ComputerName '{Name(router)}' -Credential $cred -Script ':log info "x" :log info "y"' -Force | ForEach-Object ComputerName
            """);

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("AltostratScript.SyntaxError,", (string?)error["id"]);
        Assert.Equal("ParserError", (string?)error["category"]);
        Assert.Contains("line 1, column 15", (string?)error["message"]);
        Assert.Contains("-Force", (string?)error["message"]);
        Assert.Equal(new[] { "after", Name(router) }, Texts(run));
        Assert.Contains(run.Warnings, w => w.Contains("because -Force was given"));
        Assert.Equal(1, router.ConnectionCount);
    }

    [Fact]
    public async Task Scheduling_and_queueing_a_destructive_script_ask_first_and_Force_goes_ahead()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync($"""
            New-AltoScheduledScript -Description risky -Script '/system reboot' -LaunchAt {InOneHour} -SiteId site_emu0001
            Invoke-AltoRouterScript -SiteId site_emu0001,site_emu0002 -Script '/system reboot' -Description risky
            "refused"
            $s = New-AltoScheduledScript -Description risky -Script '/system reboot' -LaunchAt {InOneHour} -SiteId site_emu0001 -Force
            $s | Set-AltoScheduledScript -Script '/user remove [find name=ops]' -WarningAction SilentlyContinue
            ($s | Set-AltoScheduledScript -Script '/user remove [find name=ops]' -Force -WarningAction SilentlyContinue).Script
            """, host);

        Assert.True(run.Errors.Count == 0, run.ToString());
        var prompts = run.HostLines.Where(l => l.StartsWith("PROMPT:")).ToList();
        Assert.Equal(4, prompts.Count); // the schedule, each of the two sites, the first update
        Assert.All(prompts, p => Assert.Contains("Destructive RouterOS script", p));
        Assert.Contains("reboots the router", prompts[0]);
        Assert.Contains("removes entries from /user", prompts[3]);
        Assert.Equal(new[] { "refused", "/user remove [find name=ops]" }, Texts(run));
        Assert.Single(host.State.Scripts.All());
        Assert.DoesNotContain(host.RecordedRequests, r => r.Method == "POST" && r.Path.StartsWith("/api/asynchronous"));
        Assert.Single(host.RecordedRequests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Scheduling_a_script_with_syntax_errors_sends_nothing()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync($"New-AltoScheduledScript -Description bad -Script ':if ($x) do={{ :put 1' -LaunchAt {InOneHour} -SiteId site_emu0001", host);

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("AltostratScript.SyntaxError,", (string?)error["id"]);
        Assert.Contains("line 1, column 13: This '{' is never closed", (string?)error["message"]);
        Assert.DoesNotContain(host.RecordedRequests, r => r.Method == "POST");
    }

    [Theory]
    [InlineData("/system reboot", false, "False|True|True", "does not mark", "The module's analyzer does")]
    [InlineData("/system identity print", true, "True|False|True", "marks this script as destructive", "finds no destructive command")]
    public async Task An_AI_script_is_destructive_when_either_the_service_or_the_analyzer_says_so(string content, bool serviceVerdict, string expected, string serviceWords, string analyzerWords)
    {
        await using var stub = await StubAiService.StartAsync(content, serviceVerdict);
        var run = await RunAsync($"""
            Connect-Altostrat -ApiUrl '{stub.Url}' -Token ([System.Net.NetworkCredential]::new('', 'stub-token').SecurePassword)
            New-AltoAiScript -Prompt 'anything' | ForEach-Object {"{"} '{"{"}0{"}"}|{"{"}1{"}"}|{"{"}2{"}"}' -f $_.DestructiveByService, $_.DestructiveByAnalyzer, $_.Destructive {"}"}
            """);

        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Equal(new[] { expected }, Texts(run));
        var warning = Assert.Single(run.Warnings);
        Assert.Contains(serviceWords, warning);
        Assert.Contains(analyzerWords, warning);
    }
}
