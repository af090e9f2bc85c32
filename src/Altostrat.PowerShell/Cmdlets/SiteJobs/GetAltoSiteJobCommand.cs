using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.SiteJobs;

/// <summary>
/// Get-AltoSiteJob: the jobs of sites (given, or piped as sites or as the jobs Invoke-AltoRouterScript -SiteId
/// emits), one list request per site, several sites at once, each job streamed as its site answers.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AltoSiteJob")]
[OutputType(typeof(AltoSiteJobStatus))]
public sealed class GetAltoSiteJobCommand : SiteJobCmdlet
{
    [Parameter]
    [ValidateSet("Pending", "Running", "Completed", "Failed", IgnoreCase = true)]
    public AltoSiteJobState[]? State { get; set; }

    protected override void EndProcessing()
    {
        if (Targets.SiteCount == 0) return;
        var client = RequireClient();
        var states = State is null ? null : new HashSet<AltoSiteJobState>(State);
        Run(token => SiteFanOut.RunAsync(Targets.Sites, ThrottleLimit, async (site, t) =>
        {
            var keys = Targets.KeysOf(site);
            var seen = new List<SiteJobDto>();
            await client.ListSiteJobsAsync(site, dto =>
            {
                if (!SiteJobTargets.Wanted(keys, dto)) return;
                seen.Add(dto);
                var job = SdxMapper.ToSiteJob(dto);
                if (states is not null && !states.Contains(job.State)) return;
                Post(() => WriteObject(job));
            }, t).ConfigureAwait(false);
            if (keys is null) return;
            foreach (var key in keys.Where(k => !seen.Any(k.Matches)))
                Post(() => WriteError(SdxErrors.JobNotFound(site, SiteJobTargets.Describe(key))));
        }, (site, error) => Post(() => WriteError(ErrorRecords.From(error, site))), token));
    }
}
