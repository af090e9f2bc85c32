using System.Management.Automation;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.Session;

/// <summary>Get-AltoContext: the API URL in use and whether a token is set (never the token).</summary>
[Cmdlet(VerbsCommon.Get, "AltoContext")]
[OutputType(typeof(AltoContext))]
public sealed class GetAltoContextCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        var connection = ConnectionManager.Current;
        WriteObject(connection is null ? ContextFactory.NotConnected() : ContextFactory.From(connection));
    }
}
