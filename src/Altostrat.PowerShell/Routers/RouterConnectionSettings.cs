using System;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Routers;

/// <summary>The connection settings common to the router cmdlets (credential, port, TLS), turned into engine options and endpoints.</summary>
internal sealed class RouterConnectionSettings
{
    public RouterConnectionSettings(PSCredential credential, int port, bool useTls, bool skipCertificateCheck, string? certificateThumbprint)
    {
        var network = credential.GetNetworkCredential();
        // PSCredential keeps a leading '\' when no domain was typed; a router has no domains.
        UserName = credential.UserName.TrimStart('\\');
        Password = network.Password ?? "";
        Port = port;
        UseTls = useTls;
        SkipCertificateCheck = skipCertificateCheck;
        CertificateThumbprint = certificateThumbprint;
    }

    public string UserName { get; }
    public string Password { get; }
    public int Port { get; }
    public bool UseTls { get; }
    public bool SkipCertificateCheck { get; }
    public string? CertificateThumbprint { get; }

    /// <summary>Options for one computer name (a port written in the name wins over -Port); throws ArgumentException for bad input.</summary>
    public RouterConnectionOptions OptionsFor(string computerName)
    {
        var address = RouterAddress.Parse(computerName);
        return new RouterConnectionOptions(address.Host)
        {
            Port = address.Port > 0 ? address.Port : Port,
            UseTls = UseTls,
            SkipCertificateCheck = SkipCertificateCheck,
            CertificateThumbprint = CertificateThumbprint,
        };
    }

    /// <summary>The endpoint for one computer name, logging in with this credential; throws ArgumentException for bad input.</summary>
    public RouterEndpoint EndpointFor(string computerName) => RouterEndpoint.ForAddress(computerName, OptionsFor(computerName), UserName, Password);

    /// <summary>
    /// Ends the invocation with a usage error when the TLS parameters do not go together (nothing is sent before), and
    /// warns, as Connect-Altostrat does, when certificates go unchecked.
    /// </summary>
    public static void CheckTlsParameters(PSCmdlet cmdlet, bool useTls, bool skipCertificateCheck, string? certificateThumbprint)
    {
        var error = TlsParameterError(useTls, skipCertificateCheck, certificateThumbprint);
        if (error is not null) cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Router.InvalidTlsParameters, error, null));
        if (skipCertificateCheck)
            cmdlet.WriteWarning("TLS certificate validation is off for these routers: anyone between you and them could read the router password and the commands. Pin the certificate with -CertificateThumbprint instead.");
    }

    /// <summary>A usage error for -SkipCertificateCheck or a thumbprint without -UseTls, or a malformed thumbprint; null when fine.</summary>
    private static string? TlsParameterError(bool useTls, bool skipCertificateCheck, string? certificateThumbprint)
    {
        if (!useTls && (skipCertificateCheck || !string.IsNullOrEmpty(certificateThumbprint)))
            return "-SkipCertificateCheck and -CertificateThumbprint apply to API-SSL only; add -UseTls.";
        if (skipCertificateCheck && !string.IsNullOrEmpty(certificateThumbprint))
            return "Give either -SkipCertificateCheck or -CertificateThumbprint, not both: a pin is pointless when nothing is checked.";
        try
        {
            _ = new RouterConnectionOptions("check") { CertificateThumbprint = certificateThumbprint };
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        return null;
    }
}
