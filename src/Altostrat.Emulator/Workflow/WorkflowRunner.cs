using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Microsoft.Extensions.Hosting;

namespace Altostrat.Emulator.Workflow;

/// <summary>
/// Moves scripts and jobs through their life as time passes: approves after the auto-approve delay, launches
/// scheduled scripts at launch_at, and finishes each site's run when its simulated router has run the script (or,
/// without simulated routers, after the site run duration).
/// </summary>
public sealed class WorkflowRunner : BackgroundService
{
    private readonly EmulatorState _state;

    public WorkflowRunner(EmulatorState state) => _state = state;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_state.Options.TickInterval, _state.Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            Tick(_state);
    }

    public static void Approve(EmulatorState state, ScheduledScriptRecord record)
    {
        record.Status = ScriptStatus.Scheduled;
        record.AuthorizedAt = state.Now;
        record.UpdatedAt = state.Now;
        state.Scripts.Update(record);
    }

    /// <summary>One step of the workflow at the current time. Public so tests can drive it without waiting for the timer.</summary>
    public static void Tick(EmulatorState state)
    {
        var now = state.Now;
        if (state.Options.AutoApproveAfter is { } approveAfter)
        {
            foreach (var record in state.Scripts.AwaitingApproval(now - approveAfter))
                Approve(state, record);
        }

        foreach (var record in state.Scripts.DueToLaunch(now))
            Launch(state, record, now);

        foreach (var (scriptId, siteId) in state.Scripts.DueSiteRuns(now))
            state.Scripts.FinishSiteRun(scriptId, siteId, state.Options.FailingSites.Contains(siteId) ? SiteRunState.Failed : SiteRunState.Completed);

        BackupWorkflow.Tick(state, now);

        foreach (var job in state.Jobs.Unfinished())
        {
            if (job.StartedAt is null)
            {
                if (job.CreatedAt + state.Options.JobStartDelay > now) continue; // still pending: it can be cancelled
                state.Jobs.MarkStarted(job.Id, now);
                // A job that asks for a backup gets one of the configuration it starts from.
                if (job.MakeBackup && state.Sites.Find(job.SiteId) is { } site)
                    state.Backups.Associate(job.Id, state.Backups.Add(job.SiteId, now, BackupWorkflow.Export(state, site, now)).Filename);
                // With routers, the job ends when the router says so; without, after the site run duration.
                state.Routers?.RunInBackground(job.SiteId, job.Script, job.MakeBackup, ok => state.Jobs.MarkFinished(job.Id, !ok, state.Now));
            }
            else if (state.Routers is null && job.StartedAt + state.Options.SiteRunDuration <= now)
            {
                state.Jobs.MarkFinished(job.Id, state.Options.FailingSites.Contains(job.SiteId), now);
            }
        }
    }

    private static void Launch(EmulatorState state, ScheduledScriptRecord record, DateTimeOffset now)
    {
        record.Status = ScriptStatus.Launched;
        record.StartedAt = now;
        record.UpdatedAt = now;
        state.Scripts.Update(record);
        var online = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in state.Sites.All()) if (site.HasPulse) online.Add(site.Id);
        var runs = new List<(string, string)>();
        foreach (var site in record.Sites)
        {
            // An offline site fails at once when the script says to abort for it; otherwise it is tried like the others.
            var state0 = record.AbortIfOffline && !online.Contains(site) ? SiteRunState.Failed : SiteRunState.Pending;
            runs.Add((site, state0));
        }
        if (state.Routers is null)
        {
            state.Scripts.StartSiteRuns(record.Id, runs, now + state.Options.SiteRunDuration);
            return;
        }
        // The routers decide: each pending site finishes when its run on the simulated router does.
        state.Scripts.StartSiteRuns(record.Id, runs, DateTimeOffset.MaxValue);
        foreach (var (site, siteState) in runs)
        {
            if (siteState != SiteRunState.Pending) continue;
            state.Routers.RunInBackground(site, record.Script, record.MakeBackup,
                ok => state.Scripts.FinishSiteRun(record.Id, site, ok ? SiteRunState.Completed : SiteRunState.Failed));
        }
    }
}
