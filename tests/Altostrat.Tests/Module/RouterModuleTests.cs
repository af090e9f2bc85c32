using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Tests.Support;
using Xunit;
using static Altostrat.Tests.Support.PowerShellRun;

namespace Altostrat.Tests.Module;

/// <summary>The router cmdlets of the built module, in a fresh PowerShell engine process, against simulated routers.</summary>
public sealed class RouterModuleTests
{
    private const string Password = ModuleRouters.Password;
    private const string Credential = ModuleRouters.Credential;

    private static SimulatedRouter Router(string identity, Action<SimulatedRouterOptions>? configure = null) => ModuleRouters.Start(identity, configure);

    private static string Name(SimulatedRouter router) => ModuleRouters.Name(router);

    [Fact]
    public async Task A_session_runs_commands_streams_rows_and_closes()
    {
        await using var router = Router("core-1");
        var run = await RunAsync(Credential + $$"""
            $s = Connect-AltoRouter -ComputerName '{{Name(router)}}' -Credential $cred
            Invoke-AltoRouterCommand -Session $s -Command '/interface print' -Query 'type=ether' -Property name, mtu
            $added = Invoke-AltoRouterCommand -Session $s -Command /ip/address/add -Parameter @{ address = '10.5.5.1/24'; interface = 'ether2' } -Force
            "added=$($added.Ret)"
            Get-AltoRouterSession | Where-Object Id -eq $s.Id | Disconnect-AltoRouter -PassThru
            "sessions-left=$(@(Get-AltoRouterSession).Count)"
            """);

        Assert.True(run.Errors.Count == 0, run.ToString());
        var rows = run.Output.Where(o => o["properties"]?["mtu"] is not null).ToList();
        Assert.Equal(new[] { "ether1", "ether2", "ether3" }, rows.Select(r => Property(r, "name")));
        Assert.All(rows, r => Assert.Equal(Name(router), Property(r, "ComputerName")));
        Assert.All(rows, r => Assert.Null(r["properties"]!["type"])); // -Property limited the reply
        var added = run.Output.Single(o => ((string?)o["text"])?.StartsWith("added=") == true);
        Assert.Matches(@"^added=\*[0-9A-F]+$", (string?)added["text"]);
        var closed = run.Output.Single(o => (string?)o["type"] == "Altostrat.PowerShell.AltoRouterSession");
        Assert.Equal("false", Property(closed, "IsConnected"));
        Assert.Contains(run.Output, o => (string?)o["text"] == "sessions-left=0");
        Assert.Contains(router.Configuration.Menu("/ip/address").Items, i => i["address"] == "10.5.5.1/24");
    }

    [Fact]
    public async Task A_trap_on_one_router_is_an_error_for_that_router_only()
    {
        await using var good = Router("good");
        await using var other = Router("other");
        var run = await RunAsync(Credential + $$"""
            '{{Name(good)}}', '{{Name(other)}}' | Invoke-AltoRouterCommand -Command /system/identity/print -Credential $cred
            Invoke-AltoRouterCommand -ComputerName '{{Name(good)}}' -Credential $cred -Command /ip/adress/print
            """);

        Assert.Equal(new[] { "good", "other" }, run.Output.Select(o => Property(o, "name")).OrderBy(n => n));
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("AltostratRouter.CommandFailed,", (string?)error["id"]);
        Assert.Equal("ObjectNotFound", (string?)error["category"]);
        Assert.Contains("no such command or directory (adress)", (string?)error["message"]);
    }

    [Fact]
    public async Task Scripts_run_on_piped_routers_with_one_result_each_and_the_failed_ones_can_be_retried()
    {
        await using var one = Router("one");
        await using var two = Router("two");
        await using var broken = Router("broken", o => o.FailScriptRuns = true);
        var run = await RunAsync(Credential + $$"""
            $routers = '{{Name(one)}}', '{{Name(two)}}', '{{Name(broken)}}', '127.000.000.001:{{one.Port}}', '{{Name(two)}}' | ForEach-Object { [pscustomobject]@{ Address = $_ } }
            $results = $routers | Invoke-AltoRouterScript -Credential $cred -Script "/system identity set name=renamed" -MakeBackup -ThrottleLimit 2
            $results
            "retry"
            $results | Where-Object Status -eq Failed | Invoke-AltoRouterScript -Credential $cred -Script ':log info again'
            """);

        var results = run.Output.Where(o => (string?)o["type"] == "Altostrat.PowerShell.AltoRouterScriptResult").ToList();
        var retryAt = run.Output.FindIndex(o => (string?)o["text"] == "retry");
        var first = run.Output.Take(retryAt).Where(results.Contains).ToList();
        var retried = run.Output.Skip(retryAt).Where(results.Contains).ToList();

        Assert.Equal(5, first.Count);
        Assert.Equal(new[] { "Skipped", "Succeeded" }, first.Where(r => Property(r, "ComputerName") == Name(two)).Select(r => Property(r, "Status")).OrderBy(s => s));
        Assert.Contains(run.Warnings, w => w == $"{Name(two)} was listed more than once; the script ran on it once.");
        // The same router again, its address written another way: run once.
        Assert.Equal("Succeeded", Property(first.Single(r => Property(r, "ComputerName") == Name(one)), "Status"));
        Assert.Equal("Skipped", Property(first.Single(r => Property(r, "ComputerName") == $"127.000.000.001:{one.Port}"), "Status"));
        Assert.Contains(run.Warnings, w => w == $"127.000.000.001:{one.Port} was listed more than once; the script ran on it once.");
        var failed = first.Single(r => Property(r, "ComputerName") == Name(broken));
        Assert.Equal("Failed", Property(failed, "Status"));
        Assert.Contains("simulated script error", Property(failed, "Error"));
        Assert.StartsWith("altostrat-", Property(failed, "BackupName"));

        Assert.Equal(Name(broken), Property(Assert.Single(retried), "ComputerName"));
        Assert.Equal(2, run.Errors.Count); // the failure and its retry; nothing for the others
        Assert.All(run.Errors, e => Assert.StartsWith("AltostratRouter.CommandFailed,", (string?)e["id"]));
        Assert.Equal("renamed", one.Configuration.Menu("/system/identity").Items[0]["name"]);
        Assert.Equal(1, one.Processor.CompletedScriptRuns);
        Assert.Contains(run.Stream("progress"), p => ((string?)p["message"] ?? p.ToJsonString()).Contains("5 of 5 routers done, 1 failed"));
    }

    [Fact]
    public async Task Ctrl_C_stops_the_routers_still_running_and_keeps_the_results_already_out()
    {
        await using var fast = Router("fast");
        await using var stuck1 = Router("stuck-1", o => o.SilentOn = "/system/script/run");
        await using var stuck2 = Router("stuck-2", o => o.SilentOn = "/system/script/run");
        // Stop comes when the fast router's result is out; the stuck routers would otherwise hold the command for
        // -TimeoutSeconds (10 minutes, far past the test host's 2-minute limit), so finishing at all shows the stop.
        var run = await RunAsync(Credential + $$"""
            '{{Name(fast)}}', '{{Name(stuck1)}}', '{{Name(stuck2)}}' | Invoke-AltoRouterScript -Credential $cred -Script ':log info x' -TimeoutSeconds 600 |
                ForEach-Object { '{0}|{1}' -f $_.ComputerName, $_.Status }
            "after"
            """, stopOn: "first-output");

        Assert.Equal(new[] { $"{Name(fast)}|Succeeded" }, run.Output.Select(o => (string?)o["text"]));
        Assert.Single(run.Lines, l => (string?)l["stream"] == "stopped");
        Assert.Equal("Stopped", (string?)Assert.Single(run.Lines, l => (string?)l["stream"] == "state")["state"]);
        Assert.Equal(1, stuck1.ConnectionCount);
        Assert.Equal(1, stuck2.ConnectionCount);
    }

    [Fact]
    public async Task Sessions_bind_from_the_pipeline_and_WhatIf_connects_to_nothing()
    {
        await using var router = Router("edge");
        var run = await RunAsync(Credential + $$"""
            Invoke-AltoRouterScript -ComputerName '{{Name(router)}}' -Credential $cred -Script ':log info x' -WhatIf
            "connections-after-whatif"
            $s = Connect-AltoRouter -ComputerName '{{Name(router)}}' -Credential $cred
            Get-AltoRouterSession | Invoke-AltoRouterScript -Script '/ip address add address=10.8.0.1/24 interface=ether3' -Force
            """);

        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Contains(run.HostLines, l => l.Contains("What if") && l.Contains(Name(router)) && l.Contains("Run script"));
        var result = run.Output.Single(o => (string?)o["type"] == "Altostrat.PowerShell.AltoRouterScriptResult");
        Assert.Equal("Succeeded", Property(result, "Status"));
        Assert.Equal(1, router.ConnectionCount); // only Connect-AltoRouter's: -WhatIf opened none, the script reused the session
        Assert.Contains(router.Configuration.Menu("/ip/address").Items, i => i["address"] == "10.8.0.1/24");
    }

    [Fact]
    public async Task Commands_take_sessions_from_the_pipeline_and_piped_names_without_a_credential_are_refused_with_what_to_do()
    {
        await using var router = Router("piped");
        // ComputerName also binds by property name, and sessions have a ComputerName: the binder must still pick the
        // session set for piped sessions instead of latching on to the computer set and wanting a credential.
        var run = await RunAsync(Credential + $$"""
            $s = Connect-AltoRouter -ComputerName '{{Name(router)}}' -Credential $cred
            $s | Invoke-AltoRouterCommand -Command /system/identity/print | ForEach-Object { "identity=$($_.name)" }
            '{{Name(router)}}' | Invoke-AltoRouterCommand -Command /system/identity/print
            [pscustomobject]@{ Address = '{{Name(router)}}' } | Invoke-AltoRouterScript -Script ':log info x'
            '{{Name(router)}}' | Invoke-AltoRouterScript -Script ':log info x' -WhatIf
            """, interactive: false);

        Assert.Contains(run.Output, o => (string?)o["text"] == "identity=piped");
        // Piped names reach the cmdlets without -Credential (no "input object cannot be bound"), and the missing
        // credential is refused with what to pass; -WhatIf needs none.
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e =>
        {
            Assert.StartsWith("AltostratRouter.CredentialRequired,", (string?)e["id"]);
            Assert.Contains("Pass -Credential", (string?)e["message"]);
        });
        Assert.Contains(run.HostLines, l => l.Contains("What if") && l.Contains(Name(router)));
        Assert.Equal(1, router.ConnectionCount); // only Connect-AltoRouter's
    }

    [Fact]
    public async Task A_missing_credential_is_asked_for_once_for_all_the_piped_routers()
    {
        await using var one = Router("one");
        await using var two = Router("two");
        await using var three = Router("three");
        var run = await RunAsync($$"""
            '{{Name(one)}}', '{{Name(two)}}', '{{Name(three)}}' | Invoke-AltoRouterScript -Script ':log info x' | ForEach-Object { "$($_.ComputerName)=$($_.Status)" }
            """, typedCredential: $"admin:{Password}");

        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Single(run.HostLines, l => l.StartsWith("CREDENTIAL PROMPT: Router credential"));
        Assert.Equal(new[] { "Succeeded", "Succeeded", "Succeeded" },
            run.Output.Select(o => ((string?)o["text"])!.Split('=')[1]));
        Assert.Equal(1, three.Processor.CompletedScriptRuns);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_connection_and_no_password_shows_anywhere()
    {
        await using var router = Router("guarded");
        var run = await RunAsync(Credential + $$"""
            Invoke-AltoRouterCommand -ComputerName '{{Name(router)}}' -Credential $cred -Command /system/identity/print -SkipCertificateCheck
            Invoke-AltoRouterScript -ComputerName '127.0.0.1:http' -Credential $cred -Script ':log info x'
            Invoke-AltoRouterCommand -ComputerName '{{Name(router)}}' -Credential $cred -Command '/ip address add address=1.2.3.4/24'
            $wrong = [pscredential]::new('admin', [System.Net.NetworkCredential]::new('', 'Wr0ng-{{Password}}').SecurePassword)
            Connect-AltoRouter -ComputerName '{{Name(router)}}' -Credential $wrong -Verbose
            """);

        var ids = run.Errors.Select(e => ((string?)e["id"])!.Split(',')[0]).ToList();
        Assert.Equal(new[] { "AltostratRouter.InvalidTlsParameters", "AltostratRouter.InvalidComputerName", "AltostratRouter.InvalidCommand", "AltostratRouter.AuthenticationFailed" }, ids);
        Assert.Contains("-UseTls", (string?)run.Errors[0]["message"]);
        Assert.Contains("-Parameter", (string?)run.Errors[2]["message"]);
        Assert.Equal(1, router.ConnectionCount); // only the login with the wrong password got as far as the router
        Assert.DoesNotContain(Password, run.ToString());
    }

    [Fact]
    public async Task A_destructive_command_goes_through_the_risk_gate_as_the_same_line_in_a_script_does()
    {
        await using var router = Router("gated");
        var name = Name(router);
        var before = router.Configuration.Menu("/ip/address").Items.Count();
        // No one can answer in a runbook: the command is refused with what to do, and nothing reaches the router.
        var refused = await RunAsync(Credential + $$"""
            Invoke-AltoRouterCommand -ComputerName '{{name}}' -Credential $cred -Command /ip/address/add -Parameter @{ address = '10.9.9.1/24'; interface = 'ether2' }
            """, interactive: false);
        var error = Assert.Single(refused.Errors);
        Assert.StartsWith("AltostratScript.ConfirmationUnavailable", (string?)error["id"]);
        Assert.Contains("IP addresses", (string?)error["message"]);
        Assert.Equal(0, router.ConnectionCount);

        var whatIf = await RunAsync(Credential + $$"""
            Invoke-AltoRouterCommand -ComputerName '{{name}}' -Credential $cred -Command /system/reboot -WhatIf
            Invoke-AltoRouterCommand -ComputerName '{{name}}' -Credential $cred -Command /system/identity/print -WhatIf | ForEach-Object name
            """, interactive: false);
        Assert.True(whatIf.Errors.Count == 0, whatIf.ToString());
        Assert.Contains(whatIf.HostLines, l => l.Contains("reboot") && l.Contains("DESTRUCTIVE"));
        Assert.Contains(whatIf.Output, o => (string?)o["text"] == "gated"); // a read is not a change: -WhatIf does not stop it

        var forced = await RunAsync(Credential + $$"""
            Invoke-AltoRouterCommand -ComputerName '{{name}}' -Credential $cred -Command /ip/address/add -Parameter @{ address = '10.9.9.1/24'; interface = 'ether2' } -Force
            Invoke-AltoRouterCommand -ComputerName '{{name}}' -Credential $cred -Command /ip/address/add -Parameter @{ address = '10.9.9.2/24'; interface = 'ether2' } -Confirm:$false
            Invoke-AltoRouterCommand -ComputerName '{{name}}' -Credential $cred -Command /system/identity/set -Parameter @{ name = 'harmless' }
            """, interactive: false);
        Assert.True(forced.Errors.Count == 0, forced.ToString());
        Assert.Equal(before + 2, router.Configuration.Menu("/ip/address").Items.Count());
        Assert.Equal("harmless", router.Configuration.Menu("/system/identity").Items.Single()["name"]);
    }

    [Fact]
    public async Task Removing_the_module_closes_every_router_session()
    {
        await using var router = Router("removed");
        var removed = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alto-removed-{Guid.NewGuid():n}");
        var done = removed + ".done";
        // The process stays alive after Remove-Module until the test has looked: its exit would close the sockets anyway.
        var running = RunAsync(Credential + $$"""
            $null = Connect-AltoRouter -ComputerName '{{Name(router)}}' -Credential $cred
            $null = Connect-AltoRouter -ComputerName '{{Name(router)}}' -Credential $cred
            "open=$(@(Get-AltoRouterSession).Count)"
            Remove-Module Altostrat
            [System.IO.File]::WriteAllText('{{removed}}', 'removed')
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while (-not [System.IO.File]::Exists('{{done}}') -and [datetime]::UtcNow -lt $deadline) { [System.Threading.Thread]::Sleep(50) }
            """);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!System.IO.File.Exists(removed) && !running.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(50);
            if (!System.IO.File.Exists(removed)) Assert.Fail("the script did not get to Remove-Module: " + (running.IsCompleted ? (await running).ToString() : "still running"));
            // The router notices a closed session when its read ends; give it a bounded while, not a timed assertion.
            var settle = DateTime.UtcNow.AddSeconds(20);
            while (router.OpenSessions > 0 && DateTime.UtcNow < settle) await Task.Delay(50);
            Assert.Equal(0, router.OpenSessions);
        }
        finally
        {
            System.IO.File.WriteAllText(done, "done");
        }
        var run = await running;
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Contains(run.Output, o => (string?)o["text"] == "open=2");
        System.IO.File.Delete(removed);
        System.IO.File.Delete(done);
    }
}
