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
        if (connection is not null)
        {
            WriteObject(ContextFactory.From(connection));
            return;
        }
        var context = ContextFactory.NotConnected(out var problem);
        // The context shows the default URL, and the first cmdlet would fail on this: say why now.
        if (problem is not null) WriteWarning(problem + " The context shows the default URL instead.");
        WriteObject(context);
    }
}
