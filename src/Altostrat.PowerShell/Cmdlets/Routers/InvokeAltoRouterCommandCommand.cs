using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Infrastructure;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>
/// Invoke-AltoRouterCommand: runs one API command on routers, by address or through sessions, and streams each
/// reply row as an object as it arrives. A router's <c>!trap</c> becomes a non-terminating error for that router.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AltoRouterCommand", SupportsShouldProcess = true, DefaultParameterSetName = ComputerSet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class InvokeAltoRouterCommandCommand : AltoCmdlet
{
    private const string ComputerSet = "ComputerName";
    private const string SessionSet = "Session";
    private const string SiteSet = "Site";

    private readonly List<(string Name, RouterEndpoint Endpoint)> _targets = new();
    private RouterCommand? _command;
    private bool _readOnly;
    private RouterTargets? _connection;
    private readonly List<string> _sites = new();

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
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
    public int ThrottleLimit { get; set; } = 32;

    protected override void BeginProcessing()
    {
        try
        {
            _command = RouterCommands.Build(Command, Parameter, Query, Property);
            _readOnly = RouterCommands.IsReadOnly(_command.Path);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("AltostratRouter.InvalidCommand", ex.Message, Command));
        }
        if (ParameterSetName == SiteSet && !Altostrat.Engine.Sdx.SynchronousCommands.IsReadOnly(_command!.Path))
            ThrowTerminatingError(SdxErrors.CommandNotReadOnly(_command.Path));
        if (ParameterSetName == ComputerSet)
        {
            var tlsError = RouterTargets.TlsParameterError(UseTls, SkipCertificateCheck, CertificateThumbprint);
            if (tlsError is not null) ThrowTerminatingError(ErrorRecords.InvalidArgument("AltostratRouter.InvalidTlsParameters", tlsError, null));
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == SiteSet)
        {
            foreach (var site in InputValidation.CleanIds(SiteId)) if (!_sites.Contains(site)) _sites.Add(site);
            return;
        }
        if (ParameterSetName == SessionSet)
        {
            foreach (var session in Session) Add(session.ComputerName, () => RouterEndpoint.ForConnection(session.ComputerName, session.Connection));
            return;
        }
        foreach (var name in ComputerName)
        {
            var trimmed = name.Trim();
            Add(trimmed, () => Targets().EndpointFor(trimmed));
        }
    }

    // Once per invocation, and only for a router that is really run on (not under -WhatIf).
    private RouterTargets Targets() =>
        _connection ??= new RouterTargets(RouterCredential.Resolve(this, Credential), Port, UseTls, SkipCertificateCheck, CertificateThumbprint);

    private void Add(string name, Func<RouterEndpoint> endpoint)
    {
        if (!_readOnly && !ShouldProcess(name, $"Run {_command!.Path}")) return;
        try
        {
            _targets.Add((name, endpoint()));
        }
        catch (ArgumentException ex)
        {
            WriteError(ErrorRecords.InvalidArgument("AltostratRouter.InvalidComputerName", ex.Message, name));
        }
    }

    protected override void EndProcessing()
    {
        if (_sites.Count > 0)
        {
            var client = RequireClient();
            var throttle = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : Altostrat.Engine.Sdx.SiteFanOut.DefaultConcurrency;
            Run(token => SiteCommands.RunAsync(client, _sites, _command!, throttle, Post, WriteObject, WriteError, token));
            return;
        }
        if (_targets.Count == 0) return;
        Run(token => FleetRunner.RunAsync(_targets, ThrottleLimit, (target, t) => RunOnAsync(target.Name, target.Endpoint, t), token));
    }

    private async Task RunOnAsync(string name, RouterEndpoint endpoint, CancellationToken token)
    {
        RouterConnection? connection = null;
        try
        {
            connection = await endpoint.OpenAsync(token).ConfigureAwait(false);
            if (_readOnly)
            {
                // Reads can be large: rows go out as they arrive.
                await connection.ForEachRowAsync(_command!, row =>
                {
                    var item = RouterCommands.ToObject(row, name);
                    Post(() => WriteObject(item));
                }, token).ConfigureAwait(false);
                return;
            }
            // Changes are small and may return a value (the id of an added item) that the caller wants.
            var reply = await connection.ExecuteAsync(_command!, token).ConfigureAwait(false);
            foreach (var row in reply.Rows)
            {
                var item = RouterCommands.ToObject(row, name);
                Post(() => WriteObject(item));
            }
            if (reply.Ret is { } ret)
            {
                var result = RouterCommands.ReturnValue(ret, name);
                Post(() => WriteObject(result));
            }
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
}
