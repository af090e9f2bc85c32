using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Microsoft.Extensions.Hosting;

namespace Altostrat.Emulator.Workflow;

/// <summary>
/// Moves scripts and jobs through their life as time passes: approves after the auto-approve delay, launches
/// scheduled scripts at launch_at, and finishes each site's run after the site run duration.
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
            foreach (var record in state.Scripts.WithStatus(ScriptStatus.Unauthorized))
                if (record.AuthorizationRequestedAt is { } requested && requested + approveAfter <= now)
                    Approve(state, record);
        }

        foreach (var record in state.Scripts.WithStatus(ScriptStatus.Scheduled))
            if (record.LaunchAt <= now) Launch(state, record, now);

        foreach (var (scriptId, siteId) in state.Scripts.DueSiteRuns(now))
            state.Scripts.FinishSiteRun(scriptId, siteId, state.Options.FailingSites.Contains(siteId) ? SiteRunState.Failed : SiteRunState.Completed);

        foreach (var job in state.Jobs.Unfinished())
        {
            if (job.StartedAt is null) state.Jobs.MarkStarted(job.Id, now);
            else if (job.StartedAt + state.Options.SiteRunDuration <= now) state.Jobs.MarkFinished(job.Id, state.Options.FailingSites.Contains(job.SiteId), now);
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
        state.Scripts.StartSiteRuns(record.Id, runs, now + state.Options.SiteRunDuration);
    }
}
