using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Altostrat.Tests.Support;
using Xunit;
using static Altostrat.Tests.Support.PowerShellRun;

namespace Altostrat.Tests.Module;

/// <summary>
/// Templates, community scripts, site jobs, live commands and backups: the built module in a fresh PowerShell
/// process against the emulator on a loopback port.
/// </summary>
public sealed class SdxModuleTests
{
    private const string InOneHour = "([datetime]::Now.AddHours(1))";

    private static string ErrorId(System.Text.Json.Nodes.JsonObject error) => ((string?)error["id"] ?? error.ToJsonString()).Split(',')[0];

    [Fact]
    public async Task A_template_and_a_community_script_pipe_into_the_script_cmdlets_as_the_script()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync($$"""
            $t = Get-AltoScriptTemplate -Id tmpl_global0001
            $t | Test-AltoRouterScript | ForEach-Object { "tested=$($_.IsValid)" }
            $s = $t | New-AltoScheduledScript -Description 'From a template' -SiteId site_emu0001 -LaunchAt {{InOneHour}} -Confirm:$false
            "scheduled=$($s.Script -eq $t.Content)"
            $j = $t | Invoke-AltoRouterScript -SiteId site_emu0002 -Description 'Template job' -Confirm:$false
            "queued=$($j.SiteId)"
            $c = Get-AltoCommunityScript -Id cs_emu0002
            "community=$($c.Name) $($c.Author) $($c.Repository)"
            $c | Test-AltoRouterScript | ForEach-Object { "community-tested=$($_.IsValid)" }
            $c | New-AltoScheduledScript -Description 'From the community' -SiteId site_emu0003 -LaunchAt {{InOneHour}} -Force -Confirm:$false | ForEach-Object { "community-scheduled=$($_.Script -eq $c.Content)" }
            """, host);
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Contains("tested=True", texts);
        Assert.Contains("scheduled=True", texts);
        Assert.Contains("queued=site_emu0002", texts);
        Assert.Contains("community-tested=True", texts);
        Assert.Contains("community-scheduled=True", texts);
        Assert.Contains(texts, t => t!.StartsWith("community=dns-failover "));
        var template = host.State.Templates.Find("tmpl_global0001")!;
        Assert.Contains(host.State.Scripts.All(), s => s.Description == "From a template" && s.Script == template.Content);
        Assert.Contains(host.State.Jobs.ForSite(SiteStore.SiteId(2)), j => j.Script == template.Content);
    }

    [Fact]
    public async Task Templates_are_created_listed_across_pages_changed_and_refused_before_sending()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync("""
            1..17 | ForEach-Object { New-AltoScriptTemplate -Name "Mine $_" -Description 'Seeded' -Content '/system identity print' -Metadata @{ n = $_; tags = 'a', 'b' } } | Out-Null
            "private=$((Get-AltoScriptTemplate -Scope Private).Count) all=$((Get-AltoScriptTemplate).Count) public=$((Get-AltoScriptTemplate -Scope Public).Count)"
            "named=$((Get-AltoScriptTemplate -Name 'mine 1*').Count)"
            $one = Get-AltoScriptTemplate -Name 'Mine 3'
            "meta=$($one.Metadata.n) $($one.Metadata.tags -join '+') scope=$($one.Scope)"
            $changed = $one | Set-AltoScriptTemplate -Description 'Changed'
            "changed=$($changed.Name)|$($changed.Description)|$($changed.Content)|$($changed.Metadata.n)"
            Set-AltoScriptTemplate -Id tmpl_global0001 -Name 'Mine now'
            New-AltoScriptTemplate -Name ('x' * 101) -Description 'd' -Content 'c'
            New-AltoScriptTemplate -Name 'Long' -Description 'd' -Content ('/system identity print' * 300)
            """, host);
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.Contains("private=17 all=20 public=3", texts);
        Assert.Contains("named=9", texts); // Mine 1 and Mine 10..17
        Assert.Contains("meta=3 a+b scope=Private", texts);
        Assert.Contains("changed=Mine 3|Changed|/system identity print|3", texts);
        Assert.Equal(new[] { "Altostrat.TemplateReadOnly", "Altostrat.TemplateTooLong", "Altostrat.TemplateTooLong" }, run.Errors.Select(ErrorId));
        Assert.Contains("101 characters", run.ToString());
        Assert.DoesNotContain(host.RecordedRequests, r => r.Method == "PUT" && r.Path == "/templates/tmpl_global0001");
        Assert.Equal(17, host.RecordedRequests.Count(r => r.Method == "POST" && r.Path == "/scripts/templates"));
        Assert.Equal("Changed", host.State.Templates.Page(false, Altostrat.Emulator.Api.ScheduledScriptEndpoints.EmulatorUser, 1, 100).Item1.Single(t => t.Name == "Mine 3").Description);
    }

    [Fact]
    public async Task Publishing_a_community_script_checks_the_urls_first_and_asks()
    {
        await using var host = await TestEmulator.StartAsync();
        var run = await RunAsync("""
            Publish-AltoCommunityScript -GitHubUrl https://github.com/acme/scripts/blob/main/readme.md -ReadmeUrl https://github.com/acme/scripts
            Publish-AltoCommunityScript -GitHubUrl https://github.com/acme/scripts/blob/main/a.rsc -ReadmeUrl http://example.com/
            Publish-AltoCommunityScript -GitHubUrl https://github.com/acme/scripts/blob/main/a.rsc -ReadmeUrl https://github.com/acme/scripts -WhatIf
            $p = Publish-AltoCommunityScript -GitHubUrl https://github.com/acme/scripts/blob/main/a.rsc -ReadmeUrl https://github.com/acme/scripts -Confirm:$false
            "published=$($p.Name) raw=$($p.RawUrl)"
            """, host);
        Assert.Equal(new[] { "Altostrat.InvalidGitHubUrl", "Altostrat.InvalidReadmeUrl" }, run.Errors.Select(ErrorId));
        Assert.Contains("published=a raw=https://raw.githubusercontent.com/acme/scripts/main/a.rsc", run.Output.Select(o => (string?)o["text"]));
        Assert.Single(host.RecordedRequests, r => r.Method == "POST" && r.Path == "/scripts/community-scripts");
    }

    [Fact]
    public async Task Queued_jobs_pipe_into_Wait_AltoSiteJob_and_the_failed_ones_on()
    {
        await using var host = await TestEmulator.StartAsync(o => o.FailingSites.Add(SiteStore.SiteId(2)));
        var run = await RunAsync("""
            $jobs = Invoke-AltoRouterScript -SiteId site_emu0001, site_emu0002, site_emu0003 -Script '/system identity print' -Description 'Inventory'
            $failed = $jobs | Wait-AltoSiteJob -PollIntervalSeconds 0.2 -Timeout 60 | Where-Object State -eq Failed
            $failed | ForEach-Object { "failed=$($_.SiteId) $($_.JobId.Length)" }
            $jobs | Get-AltoSiteJob | ForEach-Object { "state $($_.SiteId)=$($_.State)" }
            "completed=$((Get-AltoSite | Get-AltoSiteJob -State Completed).Count)"
            """, host);
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Equal(new[] { "failed=site_emu0002 36" }, texts.Where(t => t!.StartsWith("failed=")));
        Assert.Contains("state site_emu0001=Completed", texts);
        Assert.Contains("state site_emu0002=Failed", texts);
        Assert.Contains("completed=2", texts);
        Assert.Contains(run.Stream("progress"), p => ((string?)p["message"])!.Contains("jobs done"));
        // One list request per site and round: the sites are read equally often.
        var reads = Enumerable.Range(1, 3).Select(i => host.RecordedRequests.Count(r => r.Method == "GET" && r.Path == $"/site/{SiteStore.SiteId(i)}/job")).ToList();
        Assert.True(reads.All(n => n >= 1), string.Join(",", reads));
    }

    [Fact]
    public async Task Stop_AltoSiteJob_cancels_what_has_not_started_and_says_so_for_what_has()
    {
        await using var host = await TestEmulator.StartAsync(o => o.JobStartDelay = TimeSpan.FromHours(1));
        var site = SiteStore.SiteId(1);
        JobRecord Job(string description) => host.State.Jobs.AddOnce(new JobRecord(Guid.NewGuid().ToString(), site, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(),
            description, "/system identity print", false, false, false, null, host.State.Now, null, null, null)).Job;
        var started = Job("started");
        var waiting = Job("waiting");
        var other = Job("other");
        host.State.Jobs.MarkStarted(started.Id, host.State.Now);
        var run = await RunAsync($$"""
            Get-AltoSiteJob -SiteId {{site}} -State Pending | ForEach-Object { "pending=$($_.Description)" }
            Get-AltoSiteJob -SiteId {{site}} | Where-Object Description -ne 'other' | Stop-AltoSiteJob -PassThru -Confirm:$false | ForEach-Object { "stopped=$($_.JobId) $($_.State)" }
            Stop-AltoSiteJob -SiteId {{site}} -JobId {{other.Id}} -WhatIf
            """, host);
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.Equal(new[] { "pending=waiting", "pending=other" }, texts.Where(t => t!.StartsWith("pending=")));
        Assert.Equal(new[] { $"stopped={waiting.Id} Cancelled" }, texts.Where(t => t!.StartsWith("stopped=")));
        var error = Assert.Single(run.Errors);
        Assert.Equal("Altostrat.SiteJobAlreadyStarted", ErrorId(error));
        Assert.Contains("already started", error.ToJsonString());
        Assert.Equal(new[] { started.Id, other.Id }.OrderBy(x => x), host.State.Jobs.ForSite(site).Select(j => j.Id).OrderBy(x => x));
    }

    [Fact]
    public async Task Invoke_AltoRouterCommand_SiteId_reads_through_SDX_and_refuses_changes_before_sending()
    {
        await using var host = await TestEmulator.StartAsync(o => o.SimulateRouters = true);
        var run = await RunAsync("""
            @(Get-AltoSite)[0..1] | Invoke-AltoRouterCommand -Command '/interface print' -Query 'type=ether' -Property name | ForEach-Object { "$($_.SiteId) $($_.name)" }
            Invoke-AltoRouterCommand -SiteId site_emu0001 -Command /ip/address/add -Parameter @{ address = '10.9.9.9/24'; interface = 'ether2' }
            """, host);
        var texts = run.Output.Select(o => (string?)o["text"]).ToList();
        Assert.Equal(6, texts.Count);
        Assert.Contains("site_emu0001 ether1", texts);
        Assert.Contains("site_emu0002 ether3", texts);
        var error = Assert.Single(run.Errors);
        Assert.Equal("AltostratSdx.CommandNotReadOnly", ErrorId(error));
        Assert.Equal(2, host.RecordedRequests.Count(r => r.Path.StartsWith("/api/synchronous/")));
        Assert.All(host.RecordedRequests.Where(r => r.Path.StartsWith("/api/synchronous/")), r => Assert.Contains("/interface/print", r.Body));
    }

    [Fact]
    public async Task Backups_are_made_waited_for_saved_and_compared_by_menu_without_header_noise()
    {
        await using var host = await TestEmulator.StartAsync(o => { o.SimulateRouters = true; o.BackupDuration = TimeSpan.FromMilliseconds(100); });
        var site = SiteStore.SiteId(1);
        var folder = Directory.CreateTempSubdirectory("alto-backups-").FullName;
        try
        {
            var first = await RunAsync($$"""
                @(Get-AltoSite)[0..1] | Backup-AltoSite -Wait -PollIntervalSeconds 0.1 -Timeout 60 | ForEach-Object { "backup=$($_.SiteId) $($_.Filename)" }
                """, host);
            Assert.True(first.Errors.Count == 0, first.ToString());
            Assert.Equal(2, first.Output.Count(o => ((string?)o["text"])!.StartsWith("backup=")));
            Assert.True(await host.State.Routers!.RunAsync(site, "/ip address add address=10.1.1.1/24 interface=ether2", false, CancellationToken.None));
            // Backup names are unix seconds: a second backup in the same second is named one second later.
            var run = await RunAsync($$"""
                $new = Backup-AltoSite -SiteId {{site}} -Wait -PollIntervalSeconds 0.1 -Timeout 60
                $old = @(Get-AltoBackup -SiteId {{site}})[-1]
                "list=$((Get-AltoBackup -SiteId {{site}}).Count) newest=$(@(Get-AltoBackup -SiteId {{site}})[0].Filename -eq $new.Filename)"
                Compare-AltoBackup -SiteId {{site}} -ReferenceFilename $old.Filename -DifferenceFilename $new.Filename | ForEach-Object { "diff $($_.Indicator)$($_.LineNumber) [$($_.Menu)] $($_.Text)" }
                (Compare-AltoBackup -SiteId {{site}} -ReferenceFilename $old.Filename -DifferenceFilename $new.Filename -Unified) -split "`n" | Where-Object { $_ -like '+++*' -or $_ -like '+add*' }
                $saved = Get-AltoBackup -SiteId {{site}} -Latest -OutFile '{{folder}}'
                "saved=$([System.IO.File]::Exists($saved.SavedTo)) $($saved.Content.Length -gt 100)"
                "same-as-file=$((Compare-AltoBackup -SiteId {{site}} -DifferencePath $saved.SavedTo).Count)"
                Compare-AltoBackup -SiteId {{site}} -DifferenceSiteId site_emu0002 | ForEach-Object { "sites $($_.Indicator) [$($_.Menu)] $($_.Text)" }
                Get-AltoBackup -SiteId site_emu0003 -Latest
                """, host);
            var texts = run.Output.Select(o => (string?)o["text"]).ToList();
            Assert.Contains("list=2 newest=True", texts);
            var diff = texts.Where(t => t!.StartsWith("diff ")).ToList();
            Assert.Single(diff);
            Assert.Matches(@"^diff \+\d+ \[/ip address\] add address=10\.1\.1\.1/24 interface=ether2 network=10\.1\.1\.0$", diff[0]);
            Assert.Contains(texts, t => t!.StartsWith("+++ ") && t.EndsWith(".rsc"));
            Assert.Contains("+add address=10.1.1.1/24 interface=ether2 network=10.1.1.0", texts);
            Assert.Contains("saved=True True", texts);
            Assert.Contains("same-as-file=0", texts);
            var sites = texts.Where(t => t!.StartsWith("sites ")).ToList();
            Assert.Contains(sites, t => t!.StartsWith("sites - [/system identity] set name="));
            Assert.Contains(sites, t => t!.StartsWith("sites + [/system identity] set name="));
            Assert.DoesNotContain(sites, t => t!.Contains("software id") || t.Contains("serial number") || t.Contains("by RouterOS"));
            var error = Assert.Single(run.Errors);
            Assert.Equal("Altostrat.BackupNotFound", ErrorId(error));
            Assert.Single(Directory.GetFiles(folder), f => Path.GetFileName(f).StartsWith(site + "_"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Template_ids_backup_filenames_and_job_ids_complete_with_Tab()
    {
        await using var host = await TestEmulator.StartAsync(o => o.JobStartDelay = TimeSpan.FromHours(1), runWorkflow: false);
        SdxSeeder.SeedBackups(host.State, 2);
        var job = host.State.Jobs.AddOnce(new JobRecord(Guid.NewGuid().ToString(), SiteStore.SiteId(2), "k", "r", "Nightly inventory",
            "/system identity print", false, false, false, null, host.State.Now, null, null, null)).Job;
        // Done already: not offered to Stop-AltoSiteJob, which cannot cancel it.
        var done = host.State.Jobs.AddOnce(new JobRecord(Guid.NewGuid().ToString(), SiteStore.SiteId(2), "k2", "r2", "Done",
            "/system identity print", false, false, false, null, host.State.Now, null, null, null)).Job;
        host.State.Jobs.MarkStarted(done.Id, host.State.Now);
        host.State.Jobs.MarkFinished(done.Id, failed: false, host.State.Now);
        var run = await RunAsync($$"""
            function Complete([string] $line) {
                [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches |
                    ForEach-Object { '{0}|{1}' -f $_.CompletionText, $_.ToolTip }
            }
            Complete 'Get-AltoScriptTemplate -Id tmpl_glob'
            'next'
            Complete 'Get-AltoBackup -SiteId site_emu0001 -Filename '
            'next'
            Complete 'Stop-AltoSiteJob -SiteId site_emu0002 -JobId '
            'next'
            Complete 'Set-AltoScriptTemplate -Id tmpl_glob'
            """, host);
        Assert.True(run.Errors.Count == 0, run.ToString());
        var texts = run.Output.Select(o => (string?)o["text"] ?? "").ToList();
        var templates = texts.TakeWhile(t => t != "next").ToList();
        Assert.Equal(3, templates.Count);
        Assert.All(templates, t => Assert.StartsWith("tmpl_global000", t));
        var backups = texts.SkipWhile(t => t != "next").Skip(1).TakeWhile(t => t != "next").Select(t => t[..t.IndexOf('|')]).ToList();
        Assert.Equal(host.State.Backups.List(SiteStore.SiteId(1)).Select(b => b.Filename), backups);
        var jobs = texts.SkipWhile(t => t != "next").Skip(1).SkipWhile(t => t != "next").Skip(1).TakeWhile(t => t != "next").ToList();
        Assert.Equal(new[] { $"{job.Id}|Nightly inventory (Pending)" }, jobs);
        // Set-AltoScriptTemplate cannot change a global template: none offered.
        Assert.Equal("next", texts.Last());
    }

    [Fact]
    public async Task WhatIf_sends_no_change_for_templates_jobs_and_backups()
    {
        await using var host = await TestEmulator.StartAsync(o => o.JobStartDelay = TimeSpan.FromHours(1));
        var job = host.State.Jobs.AddOnce(new JobRecord(Guid.NewGuid().ToString(), SiteStore.SiteId(1), "k", "r", "d",
            "/system identity print", false, false, false, null, host.State.Now, null, null, null)).Job;
        var run = await RunAsync($$"""
            New-AltoScriptTemplate -Name n -Description d -Content '/system identity print' -WhatIf
            Stop-AltoSiteJob -SiteId site_emu0001 -JobId {{job.Id}} -WhatIf
            Get-AltoSite | Backup-AltoSite -WhatIf
            """, host);
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.DoesNotContain(host.RecordedRequests, r => r.Method is "POST" or "PUT" or "DELETE");
        Assert.Equal(7, run.HostLines.Count(l => l.StartsWith("What if:")));
    }

    [Fact]
    public async Task Ctrl_C_stops_Wait_AltoSiteJob_and_a_timeout_emits_the_unfinished_jobs_with_an_error()
    {
        await using var host = await TestEmulator.StartAsync(o => o.JobStartDelay = TimeSpan.FromHours(1));
        var stopped = await RunAsync("""
            Invoke-AltoRouterScript -SiteId site_emu0001 -Script '/system identity print' -Description later | Wait-AltoSiteJob -PollIntervalSeconds 0.2
            "after"
            """, host, stopOn: "first-progress");
        Assert.Single(stopped.Lines, l => (string?)l["stream"] == "stopped");
        Assert.DoesNotContain(stopped.Output, o => (string?)o["text"] == "after");

        var timedOut = await RunAsync("""
            Wait-AltoSiteJob -SiteId site_emu0001 -Timeout 1 -PollIntervalSeconds 0.2 | ForEach-Object { "left=$($_.State)" }
            """, host);
        Assert.Equal(new[] { "left=Pending" }, timedOut.Output.Select(o => (string?)o["text"]));
        Assert.Equal("Altostrat.WaitTimedOut", ErrorId(Assert.Single(timedOut.Errors)));
    }
}
