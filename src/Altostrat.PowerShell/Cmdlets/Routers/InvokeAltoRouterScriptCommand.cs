using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.RouterOs.Fleet;
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

    // Queued requests in flight at once: enough to hide latency, few enough to stay clear of rate limits.
    private const int MaxConcurrentSites = 8;

    // Endpoint is null for a repeat of a router already listed.
    private readonly List<(string Name, RouterEndpoint? Endpoint, string Script)> _directTargets = new();
    private readonly HashSet<string> _seenRouters = new(StringComparer.OrdinalIgnoreCase);
    private RouterConnectionSettings? _connection;
    private RiskConfirmation? _confirmation;
    // Pipelines usually repeat one script for every input: analyze (and warn about) each text once.
    private readonly Dictionary<string, AltoScriptAnalysis> _analyses = new(StringComparer.Ordinal);

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
    public int ThrottleLimit { get; set; } = 32;

    [Parameter(ParameterSetName = ComputerScriptSet)]
    [Parameter(ParameterSetName = ComputerPathSet)]
    [Parameter(ParameterSetName = SessionScriptSet)]
    [Parameter(ParameterSetName = SessionPathSet)]
    [ValidateRange(1, 86400)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Sends a script with syntax errors, and runs a destructive one without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private bool IsSdx => ParameterSetName is SdxScriptSet or SdxPathSet;

    private bool UsesPath => ParameterSetName is SdxPathSet or ComputerPathSet or SessionPathSet;

    protected override void BeginProcessing()
    {
        _confirmation = new RiskConfirmation(this, Force);
        if (ParameterSetName is not (ComputerScriptSet or ComputerPathSet)) return;
        var tlsError = RouterConnectionSettings.TlsParameterError(UseTls, SkipCertificateCheck, CertificateThumbprint);
        if (tlsError is not null) ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Router.InvalidTlsParameters, tlsError, null));
    }

    protected override void ProcessRecord()
    {
        var resolvedPath = UsesPath ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path) : null;
        var script = InputValidation.ReadScript(UsesPath ? null : Script, resolvedPath, out var scriptError);
        if (script is null) ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.EmptyScript, scriptError!, Path));
        var analysis = Analyze(script!);
        if (IsSdx) QueueOnSites(script!, analysis);
        else CollectRouters(script!, analysis);
    }

    private AltoScriptAnalysis Analyze(string script)
    {
        if (_analyses.TryGetValue(script, out var known)) return known;
        var analysis = ScriptReview.Analyze(script);
        if (!analysis.IsValid)
        {
            if (!Force) ThrowTerminatingError(ScriptReview.SyntaxError(analysis, UsesPath ? Path : null));
            WriteWarning(ScriptReview.ForcedWarning(analysis));
        }
        _analyses[script] = analysis;
        return analysis;
    }

    protected override void EndProcessing()
    {
        if (_directTargets.Count == 0) return;
        Run(RunOnRoutersAsync);
    }

    private void CollectRouters(string script, AltoScriptAnalysis analysis)
    {
        var action = $"Run script ({LineCount(script)} lines{(MakeBackup ? ", backup first" : "")})";
        if (ParameterSetName is SessionScriptSet or SessionPathSet)
        {
            foreach (var session in Session)
                if (_confirmation!.ShouldProcess($"{session.ComputerName} (session {session.Id})", action, analysis))
                    AddTarget(session.ComputerName, script, () => RouterEndpoint.ForConnection(session.ComputerName, session.Connection));
            return;
        }
        foreach (var raw in ComputerName)
        {
            var name = raw.Trim();
            if (!_confirmation!.ShouldProcess(name, action, analysis)) continue;
            AddTarget(name, script, () => Targets().EndpointFor(name));
        }
    }

    // Once per invocation, and only for a router that is really run on (not under -WhatIf).
    private RouterConnectionSettings Targets() =>
        _connection ??= new RouterConnectionSettings(RouterCredential.Resolve(this, Credential), Port, UseTls, SkipCertificateCheck, CertificateThumbprint);

    private void AddTarget(string name, string script, Func<RouterEndpoint> endpoint)
    {
        // A router listed twice runs once; the repeat is reported, so every input still gets exactly one result.
        if (!_seenRouters.Add(name))
        {
            _directTargets.Add((name, null, script));
            return;
        }
        try
        {
            _directTargets.Add((name, endpoint(), script));
        }
        catch (ArgumentException ex)
        {
            WriteError(ErrorRecords.InvalidArgument(ErrorIds.Router.InvalidComputerName, ex.Message, name));
        }
    }

    private async Task RunOnRoutersAsync(CancellationToken token)
    {
        var total = _directTargets.Count;
        var done = 0;
        var failed = 0;
        var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
        await FleetRunner.RunAsync(_directTargets, ThrottleLimit, async (target, t) =>
        {
            var outcome = target.Endpoint is null
                ? new RouterRunOutcome(target.Name, RouterRunStatus.Skipped,
                    new InvalidOperationException($"{target.Name} was listed more than once; the script ran on it once."), null, DateTimeOffset.Now, TimeSpan.Zero)
                : await new RouterScriptJob(target.Script, MakeBackup, timeout).RunAsync(target.Endpoint, t).ConfigureAwait(false);
            var result = Mapper.ToRouterScriptResult(outcome);
            var finished = Interlocked.Increment(ref done);
            var failures = outcome.Status == RouterRunStatus.Failed ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
            Post(() =>
            {
                WriteObject(result);
                if (outcome.Status == RouterRunStatus.Failed && outcome.Error is Altostrat.Engine.RouterOs.Client.RouterException error)
                    WriteError(RouterErrors.From(error, target.Name));
                WriteProgress(new ProgressRecord(2, "Running script on routers", $"{finished} of {total} routers done, {failures} failed")
                {
                    PercentComplete = finished * 100 / total,
                    RecordType = finished == total ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                });
            });
        }, token).ConfigureAwait(false);
    }

    private static int LineCount(string script) => script.Split('\n').Count(line => line.Trim().Length > 0);

    private void QueueOnSites(string script, AltoScriptAnalysis analysis)
    {
        var notifyError = InputValidation.NotifyUrlError(NotifyUrl);
        if (notifyError is not null) ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.InvalidNotifyUrl, notifyError, NotifyUrl));

        var sites = new List<string>();
        foreach (var site in InputValidation.CleanIds(SiteId))
            if (_confirmation!.ShouldProcess($"site {site}", $"Queue script '{Description}'", analysis)) sites.Add(site);
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
