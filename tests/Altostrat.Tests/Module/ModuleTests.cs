using System;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Altostrat.Tests.Support;
using Xunit;
using static Altostrat.Tests.Support.PowerShellRun;

namespace Altostrat.Tests.Module;

/// <summary>The built module, imported by the PowerShell engine in a fresh process, against the emulator.</summary>
public sealed class ModuleTests
{
    private const string InOneHour = "([datetime]::Now.AddHours(1))";

    [Fact]
    public async Task Imports_and_works_after_another_System_Text_Json_was_loaded_first()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync("""
            # PowerShell's own System.Text.Json (the framework's) is loaded and used before the module's engine.
            [System.Text.Json.JsonDocument]::Parse('{"a":1}').Dispose()
            Get-AltoSite | ForEach-Object SiteId
            $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Altostrat.Engine' }
            $json = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' }
            "engine-context-is-default=$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default)"
            "json-versions=$(($json | ForEach-Object { $_.GetName().Version.Major } | Sort-Object) -join ',')"
            """.Replace("| Sort-Object", ""), host);
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Contains(SiteStore.SiteId(1), texts);
        Assert.Contains("engine-context-is-default=False", texts);
        var versions = texts.Single(t => t!.StartsWith("json-versions="))!.Substring("json-versions=".Length).Split(',');
        Assert.Contains("8", versions);
        Assert.Contains("10", versions);
    }

    [Fact]
    public async Task Piped_sites_make_one_schedule_and_the_script_binds_from_New_AltoAiScript()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync($"""
            New-AltoAiScript -Prompt 'set identity to core-01' | New-AltoScheduledScript -Description 'Rename' -LaunchAt {InOneHour} -SiteId site_emu0001,site_emu0002
            Get-AltoSite | New-AltoScheduledScript -Description 'Everywhere' -Script '/system identity print' -LaunchAt {InOneHour}
            """, host);
        Assert.True(run.Errors.Count == 0, run.ToString());
        var created = run.Output.Where(o => (string?)o["type"] == "Altostrat.PowerShell.AltoScheduledScript").ToList();
        Assert.Equal(2, created.Count);
        Assert.Contains("name=\"core-01\"", Property(created[0], "Script"));
        Assert.Equal("Unauthorized", Property(created[0], "Status"));
        Assert.Equal(5, created[1]["properties"]!["SiteId"]!.AsArray().Count);
        Assert.Equal(2, host.State.Scripts.All().Count());
    }

    [Fact]
    public async Task Approve_Wait_and_progress_follow_the_workflow_to_the_end()
    {
        await using var host = await TestEmulator.StartAsync(o =>
        {
            o.AutoApproveAfter = TimeSpan.FromMilliseconds(200);
            o.FailingSites.Add(SiteStore.SiteId(2));
        });
        var run = await RunAsync("""
            $s = New-AltoScheduledScript -Description 'Soon' -Script '/system identity print' -LaunchAt ([datetime]::Now.AddSeconds(3)) -SiteId site_emu0001,site_emu0002
            $approved = $s | Approve-AltoScheduledScript -Wait -Timeout 30 -PollIntervalSeconds 0.2
            "approved=$($approved.Status)"
            $final = $s | Wait-AltoScheduledScript -Timeout 60 -PollIntervalSeconds 0.2
            $final | ForEach-Object { "final $($_.SiteId)=$($_.State)" }
            Get-AltoScheduledScriptProgress -Id $s.Id | Where-Object State -eq Failed | ForEach-Object { "failed $($_.SiteId)" }
            (Get-AltoScheduledScript -Id $s.Id).Status
            """, host);
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Contains("approved=Scheduled", texts);
        Assert.Contains("final site_emu0001=Completed", texts);
        Assert.Contains("final site_emu0002=Failed", texts);
        Assert.Contains("failed site_emu0002", texts);
        Assert.Contains("Launched", texts);
        Assert.Contains(run.Stream("progress"), p => ((string?)p["message"])!.Contains("sites done"));
    }

    [Fact]
    public async Task Tab_completes_site_and_scheduled_script_ids_from_the_connected_API()
    {
        await using var host = await TestEmulator.StartAsync();
        var id = (await TestEmulator.Connect(host).Client.CreateScheduledScriptAsync(new Altostrat.Engine.Contracts.ScheduledScriptWriteRequest
        {
            Description = "Nightly backup", Script = "/system identity print", LaunchAt = DateTimeOffset.UtcNow.AddHours(1), Sites = { SiteStore.SiteId(1) },
        }, default)).Id;
        // What PowerShell's Tab runs: the completion engine on a command line, at the cursor.
        var run = await RunAsync($$"""
            function Complete([string] $line) {
                [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches |
                    ForEach-Object { '{0}|{1}' -f $_.CompletionText, $_.ToolTip }
            }
            Complete 'Invoke-AltoRouterScript -Description d -Script x -SiteId site_emu000'
            'next'
            Complete 'Stop-AltoScheduledScript -Id {{id.Substring(0, 4)}}'
            'next'
            Complete 'Approve-AltoScheduledScript -Id Nightly'
            """, host);

        Assert.True(run.Errors.Count == 0, run.ToString());
        var texts = run.Output.Select(o => (string?)o["text"] ?? "").ToList();
        var sites = texts.TakeWhile(t => t != "next").ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{SiteStore.SiteId(i)}|"), sites.Select(s => s[..(s.IndexOf('|') + 1)]));
        var byPrefix = texts.SkipWhile(t => t != "next").Skip(1).TakeWhile(t => t != "next").ToList();
        Assert.Contains($"{id}|Nightly backup", byPrefix);
        var byDescription = texts.SkipWhile(t => t != "next").Skip(1).SkipWhile(t => t != "next").Skip(1).ToList();
        Assert.Equal(new[] { $"{id}|Nightly backup" }, byDescription);
    }

    [Fact]
    public async Task Waiting_on_several_scripts_reads_the_list_once_a_round_and_reports_a_cancelled_one()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        // Three scripts waited on at once, one of them cancelled: the rounds end by the timeout, and each round asks
        // the list once for all three (the API has no GET of one script), not once per script.
        var run = await RunAsync($"""
            $scripts = 1..3 | ForEach-Object {"{"} New-AltoScheduledScript -Description "later $_" -Script '/system identity print' -LaunchAt {InOneHour} -SiteId site_emu0001 {"}"}
            $scripts[1] | Stop-AltoScheduledScript -Confirm:$false
            $scripts | Wait-AltoScheduledScript -Timeout 1 -PollIntervalSeconds 0.2 | ForEach-Object {"{"} "$($_.ScheduledScriptId)=$($_.State)" {"}"}
            """, host);

        // A round reads the progress of every script still waited on; the ones not cancelled are read every round.
        var rounds = host.RecordedRequests.Where(r => r.Method == "GET" && r.Path.EndsWith("/progress"))
            .GroupBy(r => r.Path).Max(g => g.Count());
        var listReads = host.RecordedRequests.Count(r => r.Method == "GET" && r.Path == "/scripts/scheduled");
        Assert.True(rounds >= 2, $"only {rounds} round(s)");
        Assert.Equal(rounds, listReads);
        var cancelled = Assert.Single(run.Errors, e => ((string?)e["id"])!.StartsWith("Altostrat.ScheduledScriptCancelled"));
        Assert.Equal(2, run.Errors.Count(e => ((string?)e["id"])!.StartsWith("Altostrat.WaitTimedOut")));
        Assert.Equal(3, run.Output.Count(o => ((string?)o["text"])?.EndsWith("=Pending") == true));
    }

    [Fact]
    public async Task Ctrl_C_stops_Wait_AltoScheduledScript()
    {
        await using var host = await TestEmulator.StartAsync();
        // The script launches in an hour, so without the stop the wait would poll until its -Timeout.
        var run = await RunAsync($"""
            $s = New-AltoScheduledScript -Description later -Script '/system identity print' -LaunchAt {InOneHour} -SiteId site_emu0001
            $s | Wait-AltoScheduledScript -Timeout 1800 -PollIntervalSeconds 0.2
            "after"
            """, host, stopOn: "first-progress");

        Assert.Single(run.Lines, l => (string?)l["stream"] == "stopped");
        Assert.Equal("Stopped", (string?)Assert.Single(run.Lines, l => (string?)l["stream"] == "state")["state"]);
        Assert.DoesNotContain(run.Output, o => (string?)o["text"] == "after");
    }

    [Fact]
    public async Task WhatIf_sends_nothing_and_says_what_would_happen()
    {
        await using var host = await TestEmulator.StartAsync();
        var id = (await TestEmulator.Connect(host).Client.CreateScheduledScriptAsync(new Altostrat.Engine.Contracts.ScheduledScriptWriteRequest
        {
            Description = "d", Script = "/system identity print", LaunchAt = DateTimeOffset.UtcNow.AddHours(1), Sites = { SiteStore.SiteId(1) },
        }, default)).Id;
        var before = host.RecordedRequests.Count;
        var run = await RunAsync($"""
            New-AltoScheduledScript -Description x -Script '/system identity print' -LaunchAt {InOneHour} -SiteId site_emu0001 -WhatIf
            Invoke-AltoRouterScript -SiteId site_emu0001,site_emu0002 -Script '/system identity print' -Description x -WhatIf
            Approve-AltoScheduledScript -Id {id} -WhatIf
            Stop-AltoScheduledScript -Id {id} -WhatIf
            """, host);
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Empty(run.Output);
        Assert.Equal(before, host.RecordedRequests.Count);
        Assert.Contains(run.HostLines, l => l.Contains("What if") && l.Contains("site_emu0002"));
        Assert.Contains(run.HostLines, l => l.Contains("What if") && l.Contains("Cancel"));
    }

    [Fact]
    public async Task Stop_asks_for_confirmation_by_default_and_does_nothing_when_refused()
    {
        await using var host = await TestEmulator.StartAsync();
        var id = (await TestEmulator.Connect(host).Client.CreateScheduledScriptAsync(new Altostrat.Engine.Contracts.ScheduledScriptWriteRequest
        {
            Description = "d", Script = "/system identity print", LaunchAt = DateTimeOffset.UtcNow.AddHours(1), Sites = { SiteStore.SiteId(1) },
        }, default)).Id;
        var run = await RunAsync($"Stop-AltoScheduledScript -Id {id}\nStop-AltoScheduledScript -Id {id} -Confirm:$false -PassThru | ForEach-Object Status", host);
        Assert.Contains(run.HostLines, l => l.StartsWith("PROMPT:"));
        Assert.Equal("Cancelled", (string?)Assert.Single(run.Output)["text"]);
        Assert.Single(host.RecordedRequests, r => r.Method == "DELETE");
    }

    [Theory]
    [InlineData("New-AltoScheduledScript -Description x -Script '' -LaunchAt ([datetime]::Now.AddHours(1)) -SiteId site_emu0001", "Altostrat.EmptyScript", "script is empty")]
    [InlineData("New-AltoScheduledScript -Description x -Script '/x' -LaunchAt ([datetime]::Now.AddMinutes(-1)) -SiteId site_emu0001", "Altostrat.LaunchAtInPast", "not in the future")]
    [InlineData("New-AltoScheduledScript -Description x -Script '/x' -LaunchAt ([datetime]::Now.AddHours(1)) -SiteId @()", "Altostrat.NoSite", "No site was given")]
    [InlineData("New-AltoAiScript -Prompt ('a' * 201)", "Altostrat.InvalidPrompt", "at most 200. Shorten it by 1 character.")]
    [InlineData("New-AltoAiScript -Prompt ('a' * 203)", "Altostrat.InvalidPrompt", "Shorten it by 3 characters.")]
    [InlineData("Invoke-AltoRouterScript -SiteId a -Script '/x' -Description d -NotifyUrl http://hooks.example.com/x", "Altostrat.InvalidNotifyUrl", "https")]
    [InlineData("Set-AltoScheduledScript -Id x -LaunchAt ([datetime]::Now.AddDays(-1))", "Altostrat.LaunchAtInPast", "not in the future")]
    public async Task Bad_input_is_refused_with_a_clear_message_before_any_request(string command, string errorId, string message)
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync(command, host);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith(errorId, (string?)error["id"]);
        Assert.Equal("InvalidArgument", (string?)error["category"]);
        Assert.Contains(message, (string?)error["message"]);
        Assert.Empty(host.RecordedRequests);
    }

    [Theory]
    [InlineData("New-AltoScheduledScript -Description x -Path ./missing.rsc -LaunchAt ([datetime]::Now.AddHours(1)) -SiteId a", "AltostratScript.FileNotFound", "ObjectNotFound", "missing.rsc' does not exist")]
    [InlineData("New-AltoScheduledScript -Description x -Path ./no-such-*.rsc -LaunchAt ([datetime]::Now.AddHours(1)) -SiteId a", "AltostratScript.FileNotFound", "ObjectNotFound", "does not exist")]
    [InlineData("New-AltoScheduledScript -Description x -Path . -LaunchAt ([datetime]::Now.AddHours(1)) -SiteId a", "AltostratScript.PathIsFolder", "InvalidArgument", "is a folder")]
    [InlineData("New-AltoScheduledScript -Description x -Path /*/ -LaunchAt ([datetime]::Now.AddHours(1)) -SiteId a", "AltostratScript.AmbiguousPath", "InvalidArgument", "one script takes one file")]
    [InlineData("Invoke-AltoRouterScript -ComputerName 127.0.0.1 -Credential ([pscredential]::new('a', [securestring]::new())) -Path ./missing.rsc", "AltostratScript.FileNotFound", "ObjectNotFound", "does not exist")]
    public async Task A_script_file_that_is_missing_or_a_folder_is_refused_by_name_before_any_request(string command, string errorId, string category, string message)
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync(command, host);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith(errorId, (string?)error["id"]);
        Assert.Equal(category, (string?)error["category"]);
        Assert.Contains(message, (string?)error["message"]);
        Assert.Empty(host.RecordedRequests);
    }

    [Fact]
    public async Task One_failing_site_is_a_non_terminating_error_and_the_others_are_queued()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync("Invoke-AltoRouterScript -SiteId site_emu0001,site_missing,site_emu0003 -Script '/system identity print' -Description 'id'", host);
        var jobs = run.Output.Where(o => (string?)o["type"] == "Altostrat.PowerShell.AltoSiteJob").Select(o => Property(o, "SiteId")).OrderBy(s => s).ToList();
        Assert.Equal(new[] { "site_emu0001", "site_emu0003" }, jobs);
        var error = Assert.Single(run.Errors);
        Assert.Equal("AltostratApi.NotFound,Altostrat.PowerShell.Cmdlets.Routers.InvokeAltoRouterScriptCommand", (string?)error["id"]);
        Assert.Equal("ObjectNotFound", (string?)error["category"]);
        Assert.Equal("site_missing", (string?)error["target"]);
        Assert.Contains("docs.altostrat.io", (string?)error["action"]);
    }

    [Fact]
    public async Task Set_warns_that_an_authorization_was_reset_and_refuses_a_cancelled_script()
    {
        await using var host = await TestEmulator.StartAsync(o => o.AutoApproveAfter = TimeSpan.Zero);
        var run = await RunAsync($"""
            $s = New-AltoScheduledScript -Description one -Script '/system identity print' -LaunchAt {InOneHour} -SiteId site_emu0001
            # Not yet authorized: nothing to lose, nothing said.
            ($s | Set-AltoScheduledScript -Description two).Description
            "id=$($s.Id)"
            $null = $s | Approve-AltoScheduledScript -Wait -Timeout 30 -PollIntervalSeconds 0.1
            ($s | Set-AltoScheduledScript -Description three).Description
            $s | Stop-AltoScheduledScript -Confirm:$false
            $s | Set-AltoScheduledScript -Description four
            """, host);
        Assert.Contains("two", run.Output.Select(o => (string?)o["text"]));
        Assert.Contains("three", run.Output.Select(o => (string?)o["text"]));
        var id = run.Output.Select(o => (string?)o["text"]).First(t => t?.StartsWith("id=") == true)!.Substring(3);
        Assert.Equal($"Scheduled script '{id}' was authorized; the update reset it to unauthorized. Run Approve-AltoScheduledScript -Id {id} again before it launches.",
            Assert.Single(run.Warnings));
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("Altostrat.ScheduledScriptNotEditable", (string?)error["id"]);
        Assert.Contains("cancelled", (string?)error["message"]);
    }

    [Fact]
    public async Task Set_changes_a_script_whose_stored_test_site_is_outside_its_sites_as_the_reference_example_does()
    {
        await using var host = await TestEmulator.StartAsync();
        // The API reference's update example (seed 001) names a test site that is not among the sites.
        var run = await RunAsync($"""
            $s = New-AltoScheduledScript -Description one -Script '/system identity print' -LaunchAt {InOneHour} -SiteId site_emu0001 -TestSiteId site_emu0002
            ($s | Set-AltoScheduledScript -Description changed).Description
            (Get-AltoScheduledScript -Id $s.Id).TestSiteId
            """, host);
        Assert.True(run.Errors.Count == 0, run.ToString());
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.Contains("changed", texts);
        Assert.Contains("site_emu0002", texts);
        Assert.Equal("changed", host.State.Scripts.All().Single().Description);
    }

    [Fact]
    public async Task The_token_never_appears_in_any_stream_error_or_object()
    {
        const string token = "tok-SECRET-5f9d4b3c2e1a";
        await using var host = await TestEmulator.StartAsync(o => o.Token = token);
        var run = await RunAsync($$"""
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Connect-Altostrat -ApiUrl '{{host.Url}}' -Token ([System.Net.NetworkCredential]::new('', '{{token}}').SecurePassword) -PassThru -Verbose
            Get-AltoContext
            Get-AltoSite -Verbose
            Get-AltoScheduledScript -Id nope -Verbose
            New-AltoAiScript -Prompt 'block tcp port 23' -Verbose
            Connect-Altostrat -ApiUrl '{{host.Url}}' -Token ([System.Net.NetworkCredential]::new('', 'wrong-{{token}}').SecurePassword)
            Get-AltoSite -Verbose
            """, host, connect: false);
        Assert.Contains(run.Stream("verbose"), v => ((string?)v["message"])!.Contains("-> 200"));
        Assert.Contains(run.Errors, e => ((string?)e["id"])!.StartsWith("AltostratApi.Unauthorized"));
        Assert.Contains(run.Output, o => Property(o, "TokenSet") == "true");
        Assert.DoesNotContain(token, run.ToString());
    }

    [Fact]
    public async Task Without_a_connection_cmdlets_say_how_to_connect()
    {
        var run = await RunAsync("Get-AltoScheduledScript\n(Get-AltoContext).Connected");
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("Altostrat.NotConnected", (string?)error["id"]);
        Assert.Contains("Connect-Altostrat", (string?)error["message"]);
        Assert.Equal("False", (string?)Assert.Single(run.Output)["text"]);
    }
}
