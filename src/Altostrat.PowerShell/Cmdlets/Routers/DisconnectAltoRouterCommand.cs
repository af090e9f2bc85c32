using System.Management.Automation;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>Disconnect-AltoRouter: closes router sessions, given as objects or by id.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "AltoRouter", SupportsShouldProcess = true, DefaultParameterSetName = SessionSet, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(AltoRouterSession))]
public sealed class DisconnectAltoRouterCommand : PSCmdlet
{
    private const string SessionSet = "Session";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = SessionSet)]
    [ValidateNotNull]
    public AltoRouterSession[] Session { get; set; } = System.Array.Empty<AltoRouterSession>();

    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ArgumentCompleter(typeof(Completion.RouterSessionCompleter))]
    public int[] Id { get; set; } = System.Array.Empty<int>();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == SessionSet)
        {
            foreach (var session in Session) Close(session);
            return;
        }
        foreach (var id in Id)
        {
            if (RouterSessions.TryGet(id, out var session)) Close(session);
            else WriteError(ErrorRecords.RouterSessionNotFound(id));
        }
    }

    private void Close(AltoRouterSession session)
    {
        if (!ShouldProcess($"{session.ComputerName} (session {session.Id})", "Disconnect")) return;
        RouterSessions.Close(session);
        if (PassThru) WriteObject(session);
    }
}
