using System;
using System.Management.Automation;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Pipeline;

namespace Altostrat.PowerShell.Sdx;

/// <summary>
/// The base of the cmdlets that follow site jobs (Get-, Wait-AltoSiteJob): the sites, jobs and keys they take from
/// parameters or the pipeline (sites, or the jobs Invoke-AltoRouterScript -SiteId emits), gathered into
/// <see cref="Targets"/>, and how many sites are asked at once.
/// </summary>
public abstract class SiteJobCmdlet : AltoCmdlet
{
    private protected SiteJobTargets Targets { get; } = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SiteJobIdCompleter))]
    public string? JobId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? IdempotencyKey { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    [PSDefaultValue(Value = SiteFanOut.DefaultConcurrency)]
    public int ThrottleLimit { get; set; } = SiteFanOut.DefaultConcurrency;

    protected override void ProcessRecord()
    {
        foreach (var site in SiteId) Targets.Add(site, JobId, IdempotencyKey);
    }
}
