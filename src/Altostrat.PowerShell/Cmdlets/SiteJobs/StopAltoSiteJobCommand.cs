using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Http;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.SiteJobs;

/// <summary>
/// Stop-AltoSiteJob: cancels jobs that have not started. A job that has started cannot be cancelled: that is a
/// non-terminating error for that job, and the other jobs are still cancelled.
/// </summary>
// High impact, as cancelling a scheduled script is: it asks for each job under the default $ConfirmPreference, as the help says.
[Cmdlet(VerbsLifecycle.Stop, "AltoSiteJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AltoSiteJobStatus))]
public sealed class StopAltoSiteJobCommand : AltoCmdlet
{
    private readonly List<SiteJobKey> _jobs = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string SiteId { get; set; } = "";

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SiteJobIdCompleter))]
    public string[]? JobId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? IdempotencyKey { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    [PSDefaultValue(Value = SiteFanOut.DefaultConcurrency)]
    public int ThrottleLimit { get; set; } = SiteFanOut.DefaultConcurrency;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var site = SiteId.Trim();
        var keys = (JobId ?? Array.Empty<string>()).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => new SiteJobKey(site, id.Trim(), null)).ToList();
        if (keys.Count == 0 && !string.IsNullOrEmpty(IdempotencyKey)) keys.Add(new SiteJobKey(site, null, IdempotencyKey));
        if (keys.Count == 0)
        {
            WriteError(SdxErrors.InvalidArgument(ErrorIds.Sdx.SiteJobMissing,
                $"Name the job of site '{site}' to cancel with -JobId (Get-AltoSiteJob -SiteId {site} lists them), or pipe the job in.", site));
            return;
        }
        foreach (var key in keys)
            if (Errors.NoOneToAsk.ShouldProcess(this, $"job {SiteJobTargets.Describe(key)} on site {site}", "Cancel", $"Cancelling job {SiteJobTargets.Describe(key)} of site '{site}'", site))
                _jobs.Add(key);
    }

    protected override void EndProcessing()
    {
        if (_jobs.Count == 0) return;
        var client = RequireClient();
        Run(async token =>
        {
            // A job known only by its idempotency key: its id from one list request per site.
            var listed = new Dictionary<string, List<SiteJobDto>>(StringComparer.Ordinal);
            var sitesToList = _jobs.Where(k => k.JobId is null || PassThru).Select(k => k.SiteId).Distinct(StringComparer.Ordinal).ToList();
            await SiteFanOut.RunAsync(sitesToList, ThrottleLimit, async (site, t) =>
            {
                var jobs = new List<SiteJobDto>();
                await client.ListSiteJobsAsync(site, jobs.Add, t).ConfigureAwait(false);
                lock (listed) listed[site] = jobs;
            }, (site, error) => Post(() => WriteError(ErrorRecords.From(error, site))), token).ConfigureAwait(false);

            await FleetRunner.RunAsync(_jobs, ThrottleLimit, async (key, t) =>
            {
                SiteJobDto? dto = null;
                lock (listed) if (listed.TryGetValue(key.SiteId, out var jobs)) dto = jobs.FirstOrDefault(key.Matches);
                var jobId = key.JobId ?? dto?.Id;
                if (jobId is null)
                {
                    if (key.JobId is null && listed.ContainsKey(key.SiteId)) Post(() => WriteError(SdxErrors.JobNotFound(key.SiteId, SiteJobTargets.Describe(key))));
                    return;
                }
                try
                {
                    await client.CancelSiteJobAsync(key.SiteId, jobId, t).ConfigureAwait(false);
                    if (PassThru)
                    {
                        var status = dto is null ? new AltoSiteJobStatus { SiteId = key.SiteId, JobId = jobId, IdempotencyKey = key.IdempotencyKey } : SdxMapper.ToSiteJob(dto);
                        status.State = AltoSiteJobState.Cancelled;
                        Post(() => WriteObject(status));
                    }
                }
                catch (AltoApiException api) when (api.Code == "job_already_started")
                {
                    Post(() => WriteError(SdxErrors.JobAlreadyStarted(key.SiteId, jobId, api)));
                }
                catch (Exception ex) when (IsEngineFailure(ex))
                {
                    Post(() => WriteError(ErrorRecords.From(ex, jobId)));
                }
            }, token).ConfigureAwait(false);
        });
    }
}
