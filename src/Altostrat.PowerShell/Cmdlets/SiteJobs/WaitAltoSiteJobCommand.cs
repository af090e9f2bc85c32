using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Http;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.SiteJobs;

/// <summary>
/// Wait-AltoSiteJob: follows site jobs until each has completed, failed or been cancelled, with one progress bar
/// over all of them, and emits one result per job as it ends (so failures pipe on). One list request per site and
/// round (the engine's SiteJobWatcher), never one per job. -Timeout ends the wait; Ctrl+C stops it.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "AltoSiteJob")]
[OutputType(typeof(AltoSiteJobStatus))]
public sealed class WaitAltoSiteJobCommand : SiteJobCmdlet
{
    /// <summary>Seconds to wait in all; 0 waits without limit.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    [PSDefaultValue(Help = "0 (no limit)")]
    public int Timeout { get; set; }

    private protected override bool HoldsErrorsUnderStop => false;

    [Parameter]
    [ValidateRange(0.05, 300)]
    [PSDefaultValue(Value = 2.0)]
    public double PollIntervalSeconds { get; set; } = 2;

    protected override void EndProcessing()
    {
        if (Targets.SiteCount == 0) return;
        var client = RequireClient();
        Run(token => WaitAsync(client, token));
    }

    private async Task WaitAsync(AltoApiClient client, CancellationToken token)
    {
        var keys = new List<SiteJobKey>();
        var wholeSites = new List<string>();
        foreach (var site in Targets.Sites)
        {
            if (Targets.KeysOf(site) is { } given) keys.AddRange(given);
            else wholeSites.Add(site);
        }
        // A whole site: every job it has now.
        await SiteFanOut.RunAsync(wholeSites, ThrottleLimit, async (site, t) =>
        {
            var found = new List<SiteJobKey>();
            await client.ListSiteJobsAsync(site, dto => found.Add(new SiteJobKey(site, dto.Id, dto.IdempotencyKey)), t).ConfigureAwait(false);
            lock (keys) keys.AddRange(found);
        }, (site, error) => Post(() => WriteError(ErrorRecords.From(error, site))), token).ConfigureAwait(false);
        if (keys.Count == 0) return;

        var failed = 0;
        var watcher = new SiteJobWatcher(client, TimeSpan.FromSeconds(PollIntervalSeconds), ThrottleLimit)
        {
            Finished = (key, dto, state) =>
            {
                if (state == SiteJobState.Failed) Interlocked.Increment(ref failed);
                var job = dto is null
                    ? new AltoSiteJobStatus { SiteId = key.SiteId, JobId = key.JobId, IdempotencyKey = key.IdempotencyKey, State = AltoSiteJobState.Cancelled }
                    : SdxMapper.ToSiteJob(dto, SdxMapper.ToState(state));
                Post(() => WriteObject(job));
            },
            SiteFailed = (site, siteKeys, error) => Post(() => WriteError(ErrorRecords.From(error, site))),
            Round = (done, total) =>
            {
                var failures = Volatile.Read(ref failed);
                Post(() => WriteProgress(new ProgressRecord(1, "Waiting for site jobs", $"{done} of {total} jobs done, {failures} failed")
                {
                    PercentComplete = total == 0 ? 100 : done * 100 / total,
                    RecordType = done == total ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                }));
            },
        };
        var timeout = Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : (TimeSpan?)null;
        var unfinished = await watcher.WatchAsync(keys, timeout, token).ConfigureAwait(false);
        foreach (var (key, last) in unfinished)
        {
            var job = last is null
                ? new AltoSiteJobStatus { SiteId = key.SiteId, JobId = key.JobId, IdempotencyKey = key.IdempotencyKey, State = AltoSiteJobState.Pending }
                : SdxMapper.ToSiteJob(last);
            Post(() =>
            {
                WriteObject(job);
                WriteError(SdxErrors.Timeout(ErrorIds.Sdx.WaitTimedOut,
                    $"Job {SiteJobTargets.Describe(key)} on site '{key.SiteId}' is still {job.State} after {Timeout} s.", key.JobId ?? key.IdempotencyKey));
            });
        }
        if (unfinished.Count > 0)
            Post(() => WriteProgress(new ProgressRecord(1, "Waiting for site jobs", "Timed out") { RecordType = ProgressRecordType.Completed }));
    }
}
