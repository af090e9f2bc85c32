using System.Management.Automation;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.Session;

/// <summary>Disconnect-Altostrat: forgets the token and releases the connection.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Altostrat")]
[OutputType(typeof(void))]
public sealed class DisconnectAltostratCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (!ConnectionManager.Disconnect()) WriteVerbose("There was no connection to close.");
    }
}
