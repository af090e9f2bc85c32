using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Routers;
using Altostrat.PowerShell.Scripts;
using Altostrat.PowerShell.Sdx;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>
/// Invoke-AltoRouterScript: runs a script on many routers. Through SDX (-SiteId) it queues an asynchronous job per
/// site and emits the jobs; directly (-ComputerName or -Session) it runs the whole script on each router over the
/// API, concurrently up to -ThrottleLimit, and emits one result per router. A failure on one site or router is a
/// non-terminating error and never stops the others.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AltoRouterScript", SupportsShouldProcess = true, DefaultParameterSetName = SdxScriptSet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AltoSiteJob), ParameterSetName = new[] { SdxScriptSet, SdxPathSet })]
[OutputType(typeof(AltoRouterScriptResult), ParameterSetName = new[] { ComputerScriptSet, ComputerPathSet, SessionScriptSet, SessionPathSet })]
public sealed class InvokeAltoRouterScriptCommand : AltoCmdlet
{
    private const string SdxScriptSet = "SdxScript";
    private const string SdxPathSet = "SdxPath";
    private const string ComputerScriptSet = "ComputerNameScript";
    private const string ComputerPathSet = "ComputerNamePath";
    private const string SessionScriptSet = "SessionScript";
    private const string SessionPathSet = "SessionPath";

    private RiskGate? _gate;
    private ScriptInput? _scripts;
    private RouterTargetList? _routers;
    // The script of each router, by the router's place in the target list: piped objects may each bring their own.
    private readonly List<string> _routerScripts = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SdxScriptSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SdxPathSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ComputerScriptSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ComputerPathSet)]
    [Alias("Address", "IPAddress", "HostName")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = Array.Empty<string>();

    // Not mandatory, so that piped names without it reach the cmdlet: RouterCredential asks for it or says what to do.
    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = SessionScriptSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = SessionPathSet)]
    [ValidateNotNull]
    public AltoRouterSession[] Session { get; set; } = Array.Empty<AltoRouterSession>();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SdxScriptSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ComputerScriptSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SessionScriptSet)]
    [AllowEmptyString]
    public string Script { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = SdxPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = ComputerPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = SessionPathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = SdxScriptSet)]
    [Parameter(Mandatory = true, ParameterSetName = SdxPathSet)]
    [ValidateNotNullOrEmpty]
    public string Description { get; set; } = "";

    [Parameter]
    public SwitchParameter MakeBackup { get; set; }

    [Parameter(ParameterSetName = SdxScriptSet)]
    [Parameter(ParameterSetName = SdxPathSet)]
    public SwitchParameter ExpressExecute { get; set; }

    [Parameter(ParameterSetName = SdxScriptSet)]
    [Parameter(ParameterSetName = SdxPathSet)]
    public SwitchParameter NeedsAcknowledgement { get; set; }

    [Parameter(ParameterSetName = SdxScriptSet)]
    [Parameter(ParameterSetName = SdxPathSet)]
    public Uri? NotifyUrl { get; set; }

    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    [ValidateRange(1, 65535)]
    [PSDefaultValue(Help = "8728, or 8729 with -UseTls")]
    public int Port { get; set; }

    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    public SwitchParameter UseTls { get; set; }

    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    public string? CertificateThumbprint { get; set; }

    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    [Parameter(ParameterSetName = SessionScriptSet)]
    [Parameter(ParameterSetName = SessionPathSet)]
    [ValidateRange(1, 1024)]
    [PSDefaultValue(Value = FleetRunner.DefaultThrottleLimit)]
    public int ThrottleLimit { get; set; } = FleetRunner.DefaultThrottleLimit;

    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    [Parameter(ParameterSetName = SessionScriptSet)]
    [Parameter(ParameterSetName = SessionPathSet)]
    [ValidateRange(1, 86400)]
    [PSDefaultValue(Value = 300)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Runs the script inside RouterOS safe mode (7.18+): a failed script is unrolled, and a dropped session is rolled back by the router.</summary>
    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    [Parameter(ParameterSetName = SessionScriptSet)]
    [Parameter(ParameterSetName = SessionPathSet)]
    public SwitchParameter SafeMode { get; set; }

    /// <summary>Sends a script with syntax errors, and runs a destructive one without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private bool IsSdx => ParameterSetName is SdxScriptSet or SdxPathSet;

    private bool UsesPath => ParameterSetName is SdxPathSet or ComputerPathSet or SessionPathSet;

    protected override void BeginProcessing()
    {
        _gate = new RiskGate(this, Force);
        _scripts = new ScriptInput(this, Force);
        if (ParameterSetName is ComputerScriptSet or ComputerPathSet)
            RouterConnectionSettings.CheckTlsParameters(this, UseTls, SkipCertificateCheck, CertificateThumbprint);
        _routers = RouterTargetList.ForComputers(this, Credential, Port, UseTls, SkipCertificateCheck, CertificateThumbprint);
    }

    protected override void ProcessRecord()
    {
        if (!_scripts!.TryRead(Script, UsesPath ? Path : null, null, out var script, out var analysis, out var error)) ThrowTerminatingError(error);
        if (IsSdx)
        {
            QueueOnSites(script, analysis);
            return;
        }
        var action = $"Run script ({LineCount(script)} lines{(MakeBackup ? ", backup first" : "")}{(SafeMode ? ", in safe mode" : "")})";
        var before = _routers!.Count;
        if (ParameterSetName is SessionScriptSet or SessionPathSet)
            foreach (var session in Session) _routers.AddSession(session, target => _gate!.ShouldProcess(target, action, analysis));
        else
            foreach (var name in ComputerName) _routers.AddComputer(name, target => _gate!.ShouldProcess(target, action, analysis));
        for (var i = before; i < _routers.Count; i++) _routerScripts.Add(script);
    }

    protected override void EndProcessing()
    {
        if (_routers is null || _routers.Count == 0) return;
        var progress = new FleetProgress(2, "Running script on routers", "routers", _routers.Count);
        var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
        var jobs = new List<(RouterTarget Target, string Script)>(_routers.Count);
        for (var i = 0; i < _routers.Count; i++) jobs.Add((_routers.Targets[i], _routerScripts[i]));
        Run(token => FleetRunner.RunAsync(jobs, ThrottleLimit, async (job, t) =>
        {
            var outcome = job.Target.Endpoint is null
                ? RouterRunOutcome.Repeat(job.Target.Name, "the script ran on it once")
                : await new RouterScriptJob(job.Script, MakeBackup, timeout, SafeMode).RunAsync(job.Target.Endpoint, t).ConfigureAwait(false);
            var result = Mapper.ToRouterScriptResult(outcome);
            var record = progress.Finished(outcome.Status == RouterRunStatus.Failed);
            Post(() =>
            {
                WriteObject(result);
                if (outcome.Status == RouterRunStatus.Failed && outcome.Error is RouterException error) WriteError(RouterErrors.From(error, job.Target.Name));
                if (outcome.Status == RouterRunStatus.RolledBack)
                    WriteError(SafeModeErrors.RolledBack(ErrorIds.Router.RolledBack, job.Target.Name, "the script was undone", result.SafeMode, outcome.Error));
                // As the other router cmdlets say it; the Skipped result alone was easy to miss among the others.
                if (outcome.Status == RouterRunStatus.Skipped) WriteWarning(outcome.Error!.Message);
                WriteProgress(record);
            });
        }, token));
    }

    private static int LineCount(string script) => script.Split('\n').Count(line => line.Trim().Length > 0);

    private void QueueOnSites(string script, AltoScriptAnalysis analysis)
    {
        var notifyError = InputValidation.NotifyUrlError(NotifyUrl);
        if (notifyError is not null) ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.InvalidNotifyUrl, notifyError, NotifyUrl));
        var sites = InputValidation.CleanIds(SiteId).Where(site => _gate!.ShouldProcess($"site {site}", $"Queue script '{Description}'", analysis)).ToList();
        if (sites.Count == 0) return;

        var request = new AsyncJobRequest
        {
            Description = Description,
            Script = script,
            MakeBackup = MakeBackup,
            ExpressExecute = ExpressExecute,
            NeedsAcknowledgement = NeedsAcknowledgement,
            NotifyUrl = NotifyUrl?.AbsoluteUri,
        };
        var client = RequireClient();
        var progress = new FleetProgress(1, "Queueing script on sites", "sites", sites.Count);
        Run(token => SiteJobQueue.QueueAsync(client, sites, request, outcome =>
        {
            var record = progress.Finished(outcome.Error is not null);
            if (outcome.Error is { } error) Post(() => WriteError(ErrorRecords.From(error, outcome.SiteId)));
            else
            {
                var job = Mapper.ToSiteJob(outcome.SiteId, request.Description, outcome.IdempotencyKey, outcome.Response!);
                Post(() => WriteObject(job));
            }
            Post(() => WriteProgress(record));
        }, token));
    }
}
