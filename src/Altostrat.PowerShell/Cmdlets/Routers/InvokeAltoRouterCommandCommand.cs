using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Routers;
using Altostrat.PowerShell.Scripts;
using Altostrat.PowerShell.Sdx;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>
/// Invoke-AltoRouterCommand: runs one API command on routers, by address or through sessions, and streams each
/// reply row as an object as it arrives. A router's <c>!trap</c> becomes a non-terminating error for that router.
/// A command that changes something goes through the risk gate, as the same line in a script would.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AltoRouterCommand", SupportsShouldProcess = true, DefaultParameterSetName = ComputerSet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class InvokeAltoRouterCommandCommand : AltoCmdlet
{
    private const string ComputerSet = "ComputerName";
    private const string SessionSet = "Session";
    private const string SiteSet = "Site";

    private RouterCommand? _command;
    private AltoScriptAnalysis? _analysis;
    private RiskGate? _gate;
    private RouterTargetList? _routers;
    private readonly List<string> _sites = new();

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.RouterCommandCompleter))]
    public string Command { get; set; } = "";

    [Parameter]
    public IDictionary? Parameter { get; set; }

    [Parameter]
    public string[]? Query { get; set; }

    [Parameter]
    public string[]? Property { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ComputerSet)]
    [Alias("Address", "IPAddress", "HostName")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = Array.Empty<string>();

    // Not mandatory, so that piped names without it reach the cmdlet: RouterCredential asks for it or says what to do.
    [Parameter(ParameterSetName = ComputerSet)]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter(ParameterSetName = ComputerSet)]
    [ValidateRange(1, 65535)]
    [PSDefaultValue(Help = "8728, or 8729 with -UseTls")]
    public int Port { get; set; }

    [Parameter(ParameterSetName = ComputerSet)]
    public SwitchParameter UseTls { get; set; }

    [Parameter(ParameterSetName = ComputerSet)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter(ParameterSetName = ComputerSet)]
    public string? CertificateThumbprint { get; set; }

    // By property name too: with only ComputerName binding by property name, PowerShell latches on to the computer
    // set before it sees the input, and a piped session fails for want of -Credential.
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SessionSet)]
    [ValidateNotNull]
    public AltoRouterSession[] Session { get; set; } = Array.Empty<AltoRouterSession>();

    /// <summary>Through SDX: a read-only command on each site, by the synchronous endpoint.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SiteSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    /// <summary>Routers (or, with -SiteId, SDX requests) at once; with -SiteId the default is the module's SDX fan-out.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    [PSDefaultValue(Help = "32; 8 with -SiteId (SDX requests at once)")]
    public int ThrottleLimit { get; set; } = FleetRunner.DefaultThrottleLimit;

    /// <summary>Runs a destructive command (one the analyzer rates as able to cut you off or lose configuration) without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    // The analyzer's verdict on the command as a script line: Read needs no confirmation, and -WhatIf does not stop it.
    private bool ReadOnly => _analysis!.MaxRisk == ScriptRisk.Read;

    protected override void BeginProcessing()
    {
        try
        {
            _command = RouterCommands.Build(Command, Parameter, Query, Property);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Router.InvalidCommand, ex.Message, Command));
        }
        if (ParameterSetName == SiteSet && !Altostrat.Engine.Sdx.SynchronousCommands.IsReadOnly(_command!.Path))
            ThrowTerminatingError(SdxErrors.CommandNotReadOnly(_command.Path));
        _analysis = ScriptReview.AnalyzeCommand(_command!);
        _gate = new RiskGate(this, Force);
        if (ParameterSetName == ComputerSet) RouterConnectionSettings.CheckTlsParameters(this, UseTls, SkipCertificateCheck, CertificateThumbprint);
        _routers = RouterTargetList.ForComputers(this, Credential, Port, UseTls, SkipCertificateCheck, CertificateThumbprint);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == SiteSet)
        {
            foreach (var site in InputValidation.CleanIds(SiteId)) if (!_sites.Contains(site)) _sites.Add(site);
            return;
        }
        if (ParameterSetName == SessionSet)
            foreach (var session in Session) _routers!.AddSession(session, Approve);
        else
            foreach (var name in ComputerName) _routers!.AddComputer(name, Approve);
    }

    private bool Approve(string target) => ReadOnly || _gate!.ShouldProcess(target, $"Run {_command!.Path}", _analysis);

    protected override void EndProcessing()
    {
        if (_sites.Count > 0)
        {
            var client = RequireClient();
            var throttle = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : Altostrat.Engine.Sdx.SiteFanOut.DefaultConcurrency;
            Run(token => SiteCommands.RunAsync(client, _sites, _command!, throttle, Post,
                row => WriteObject(RouterCommands.WithRequested((PSObject)row, Property)), WriteError, token));
            return;
        }
        if (_routers is null || _routers.Count == 0) return;
        Run(token => FleetRunner.RunAsync(_routers.Targets, ThrottleLimit, (target, t) => RunOnAsync(target, t), token));
    }

    private async Task RunOnAsync(RouterTarget target, CancellationToken token)
    {
        var name = target.Name;
        if (target.Endpoint is not { } endpoint)
        {
            Post(() => WriteWarning($"{name} was listed more than once; the command ran on it once."));
            return;
        }
        RouterConnection? connection = null;
        try
        {
            connection = await endpoint.OpenAsync(token).ConfigureAwait(false);
            if (ReadOnly)
            {
                // Reads can be large: rows go out as they arrive. A get's value is the =ret= of its !done.
                var value = await connection.ForEachRowAsync(_command!, row =>
                {
                    var item = RouterCommands.WithRequested(RouterCommands.ToObject(row, name), Property);
                    Post(() => WriteObject(item));
                }, token).ConfigureAwait(false);
                WriteReturnValue(value, name);
                return;
            }
            // Changes are small and may return a value (the id of an added item) that the caller wants.
            var reply = await connection.ExecuteAsync(_command!, token).ConfigureAwait(false);
            foreach (var row in reply.Rows)
            {
                var item = RouterCommands.WithRequested(RouterCommands.ToObject(row, name), Property);
                Post(() => WriteObject(item));
            }
            WriteReturnValue(reply.Ret, name);
        }
        catch (RouterException ex)
        {
            Post(() => WriteError(RouterErrors.From(ex, name)));
        }
        finally
        {
            if (endpoint.OwnsConnection) connection?.Dispose();
        }
    }

    private void WriteReturnValue(string? ret, string name)
    {
        if (ret is null) return;
        var result = RouterCommands.ReturnValue(ret, name);
        Post(() => WriteObject(result));
    }
}
