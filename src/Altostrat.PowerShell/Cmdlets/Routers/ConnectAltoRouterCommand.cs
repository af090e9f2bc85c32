using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Routers;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>Connect-AltoRouter: logs in to a router's API and returns a session that later commands reuse.</summary>
[Cmdlet(VerbsCommunications.Connect, "AltoRouter")]
[OutputType(typeof(AltoRouterSession))]
public sealed class ConnectAltoRouterCommand : AltoCmdlet
{
    private RouterConnectionSettings? _targets;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Address", "IPAddress", "HostName")]
    [RouterAddress]
    [ValidateNotNullOrEmpty]
    public string ComputerName { get; set; } = "";

    [Parameter(Mandatory = true)]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter]
    [ValidateRange(1, 65535)]
    [PSDefaultValue(Help = "8728, or 8729 with -UseTls")]
    public int Port { get; set; }

    [Parameter]
    public SwitchParameter UseTls { get; set; }

    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter]
    public string? CertificateThumbprint { get; set; }

    /// <summary>
    /// How long connecting, the TLS handshake and the login may take. Named for what it bounds: elsewhere
    /// -TimeoutSeconds bounds a whole run on a router. The old name stays as an alias.
    /// </summary>
    [Parameter]
    [Alias("TimeoutSeconds")]
    [ValidateRange(1, 3600)]
    [PSDefaultValue(Value = 10)]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    protected override void BeginProcessing()
    {
        RouterConnectionSettings.CheckTlsParameters(this, UseTls, SkipCertificateCheck, CertificateThumbprint);
        _targets = new RouterConnectionSettings(Credential, Port, UseTls, SkipCertificateCheck, CertificateThumbprint);
    }

    protected override void ProcessRecord()
    {
        var targets = _targets!;
        RouterConnectionOptions options;
        try
        {
            options = targets.OptionsFor(ComputerName);
        }
        catch (System.ArgumentException ex)
        {
            WriteError(ErrorRecords.InvalidArgument(ErrorIds.Router.InvalidComputerName, ex.Message, ComputerName));
            return;
        }
        options.ConnectTimeout = System.TimeSpan.FromSeconds(ConnectTimeoutSeconds);
        var name = ComputerName.Trim();
        RunOrWriteError(async token =>
        {
            WriteVerboseLater($"Connecting to {options} as {targets.UserName}{(options.UseTls ? " over TLS" : "")}");
            var connection = await RouterConnection.ConnectAsync(options, targets.UserName, targets.Password, token).ConfigureAwait(false);
            var session = RouterSessions.Add(name, connection);
            Post(() => WriteObject(session));
        }, name);
    }

    private void WriteVerboseLater(string line) => Post(() => WriteVerbose(line));
}
