using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Infrastructure;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>
/// Invoke-AltoRouterScript: queues a script for asynchronous execution on each site through SDX and emits one job
/// per site. A site that refuses is reported as a non-terminating error; the others go on.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AltoRouterScript", SupportsShouldProcess = true, DefaultParameterSetName = SdxScriptSet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AltoSiteJob))]
public sealed class InvokeAltoRouterScriptCommand : AltoCmdlet
{
    private const string SdxScriptSet = "SdxScript";
    private const string SdxPathSet = "SdxPath";

    // Queued requests in flight at once: enough to hide latency, few enough to stay clear of rate limits.
    private const int MaxConcurrentSites = 8;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SdxScriptSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SdxPathSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SdxScriptSet)]
    [AllowEmptyString]
    public string Script { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = SdxPathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Description { get; set; } = "";

    [Parameter]
    public SwitchParameter MakeBackup { get; set; }

    [Parameter]
    public SwitchParameter ExpressExecute { get; set; }

    [Parameter]
    public SwitchParameter NeedsAcknowledgement { get; set; }

    [Parameter]
    public Uri? NotifyUrl { get; set; }

    protected override void ProcessRecord()
    {
        var resolvedPath = ParameterSetName == SdxPathSet ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path) : null;
        var script = InputValidation.ReadScript(ParameterSetName == SdxScriptSet ? Script : null, resolvedPath, out var scriptError);
        if (script is null) ThrowTerminatingError(ErrorRecords.InvalidArgument("Altostrat.EmptyScript", scriptError!, Path));
        var notifyError = InputValidation.NotifyUrlError(NotifyUrl);
        if (notifyError is not null) ThrowTerminatingError(ErrorRecords.InvalidArgument("Altostrat.InvalidNotifyUrl", notifyError, NotifyUrl));

        var sites = new List<string>();
        foreach (var site in InputValidation.CleanIds(SiteId))
            if (ShouldProcess($"site {site}", $"Queue script '{Description}'")) sites.Add(site);
        if (sites.Count == 0) return;

        var request = new AsyncJobRequest
        {
            Description = Description,
            Script = script!,
            MakeBackup = MakeBackup,
            ExpressExecute = ExpressExecute,
            NeedsAcknowledgement = NeedsAcknowledgement,
            NotifyUrl = NotifyUrl?.AbsoluteUri,
        };
        var client = RequireClient();
        Run(token => QueueAllAsync(client, sites, request, token));
    }

    private async Task QueueAllAsync(Altostrat.Engine.Http.AltoApiClient client, List<string> sites, AsyncJobRequest request, CancellationToken token)
    {
        using var throttle = new SemaphoreSlim(MaxConcurrentSites);
        var done = 0;
        var failed = 0;
        var tasks = new List<Task>(sites.Count);
        try
        {
            foreach (var site in sites)
            {
            await throttle.WaitAsync(token).ConfigureAwait(false);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    // One key per site for this invocation: the retry handler resends it, so the job is queued once.
                    var key = Guid.NewGuid().ToString();
                    var response = await client.QueueAsyncJobAsync(site, request, key, token).ConfigureAwait(false);
                    var job = Mapper.ToSiteJob(site, request.Description, key, response);
                    Post(() => WriteObject(job));
                }
                catch (Exception ex) when (IsEngineFailure(ex))
                {
                    Interlocked.Increment(ref failed);
                    Post(() => WriteError(ErrorRecords.From(ex, site)));
                }
                finally
                {
                    var finished = Interlocked.Increment(ref done);
                    var failures = Volatile.Read(ref failed);
                    Post(() => WriteProgress(new ProgressRecord(1, "Queueing script on sites", $"{finished} of {sites.Count} sites done, {failures} failed")
                    {
                        PercentComplete = finished * 100 / sites.Count,
                        RecordType = finished == sites.Count ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                    }));
                    throttle.Release();
                }
            }, token));
            }
        }
        finally
        {
            // Even when cancelled, let started sites finish reporting before the throttle goes away.
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }
}
