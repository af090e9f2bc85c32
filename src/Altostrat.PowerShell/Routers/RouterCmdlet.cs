using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Routers;

/// <summary>
/// The base of the cmdlets that work on routers directly, by address or through sessions: the parameters they share
/// (and the two parameter sets), checked once, and the routers gathered from them into <see cref="Routers"/>. A
/// derived cmdlet says through <see cref="Approve"/> whether a router is worked on (ShouldProcess, the risk gate).
/// </summary>
public abstract class RouterCmdlet : AltoCmdlet
{
    private protected const string ComputerSet = "ComputerName";
    private protected const string SessionSet = "Session";

    private RouterTargetList? _routers;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ComputerSet)]
    [Alias("Address", "IPAddress", "HostName")]
    [RouterAddress]
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

    // By property name too, as in Invoke-AltoRouterCommand: otherwise PowerShell latches on to the computer set.
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SessionSet)]
    [ValidateNotNull]
    public AltoRouterSession[] Session { get; set; } = Array.Empty<AltoRouterSession>();

    [Parameter]
    [ValidateRange(1, 1024)]
    [PSDefaultValue(Value = FleetRunner.DefaultThrottleLimit)]
    public int ThrottleLimit { get; set; } = FleetRunner.DefaultThrottleLimit;

    /// <summary>The routers gathered so far; complete in EndProcessing.</summary>
    private protected RouterTargetList Routers => _routers ?? throw new InvalidOperationException("BeginProcessing has not run.");

    protected override void BeginProcessing()
    {
        if (ParameterSetName == ComputerSet) RouterConnectionSettings.CheckTlsParameters(this, UseTls, SkipCertificateCheck, CertificateThumbprint);
        _routers = RouterTargetList.ForComputers(this, Credential, Port, UseTls, SkipCertificateCheck, CertificateThumbprint);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == SessionSet)
            foreach (var session in Session) Routers.AddSession(session, Approve);
        else
            foreach (var name in ComputerName) Routers.AddComputer(name, Approve);
    }

    /// <summary>Whether the router (as named in messages) is worked on; every router by default.</summary>
    private protected virtual bool Approve(string target) => true;

    /// <summary>
    /// Runs <paramref name="work"/> on every router gathered, up to -ThrottleLimit at once, with a progress bar;
    /// the work reports its own results and errors through Post and answers whether the router failed. A router
    /// listed twice is worked on once, with a warning for the repeat.
    /// </summary>
    private protected void RunOnRouters(string activity, Func<string, RouterEndpoint, CancellationToken, Task<bool>> work)
    {
        if (Routers.Count == 0) return;
        var progress = new FleetProgress(3, activity, "routers", Routers.Count);
        Run(token => FleetRunner.RunAsync(Routers.Targets, ThrottleLimit, async (target, t) =>
        {
            var failed = false;
            if (target.Endpoint is { } endpoint) failed = await work(target.Name, endpoint, t).ConfigureAwait(false);
            else Post(() => WriteWarning($"{target.Name} was listed more than once; it was worked on once."));
            var record = progress.Finished(failed);
            Post(() => WriteProgress(record));
        }, token));
    }

    /// <summary>
    /// Reads <paramref name="paths"/> from every router gathered (all prints of a router in flight together) and
    /// hands each router's rows to <paramref name="onRead"/>, off the pipeline thread: it reports through Post. A
    /// router that cannot be reached or read is a non-terminating error for that router.
    /// </summary>
    private protected void ReadFromRouters(string activity, IReadOnlyList<string> paths,
        Action<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>> onRead) =>
        RunOnRouters(activity, async (name, endpoint, token) =>
        {
            RouterConnection? connection = null;
            try
            {
                connection = await endpoint.OpenAsync(token).ConfigureAwait(false);
                onRead(name, await ConfigurationReader.ReadAsync(connection, paths, token).ConfigureAwait(false));
                return false;
            }
            catch (RouterException ex)
            {
                Post(() => WriteError(RouterErrors.From(ex, name)));
                return true;
            }
            finally
            {
                if (endpoint.OwnsConnection) connection?.Dispose();
            }
        });
}
