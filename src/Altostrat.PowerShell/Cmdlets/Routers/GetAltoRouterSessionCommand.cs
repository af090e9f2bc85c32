using System.Linq;
using System.Management.Automation;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>Get-AltoRouterSession: lists the router sessions open in this PowerShell process.</summary>
[Cmdlet(VerbsCommon.Get, "AltoRouterSession", DefaultParameterSetName = "All")]
[OutputType(typeof(AltoRouterSession))]
public sealed class GetAltoRouterSessionCommand : PSCmdlet
{
    [Parameter(Position = 0, ParameterSetName = "Id")]
    [ArgumentCompleter(typeof(Completion.RouterSessionCompleter))]
    public int[]? Id { get; set; }

    [Parameter(ParameterSetName = "ComputerName")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.RouterSessionCompleter))]
    public string[]? ComputerName { get; set; }

    protected override void ProcessRecord()
    {
        var sessions = RouterSessions.All();
        if (Id is not null)
        {
            foreach (var id in Id)
            {
                var session = sessions.FirstOrDefault(s => s.Id == id);
                if (session is not null) WriteObject(session);
                else WriteError(ErrorRecords.RouterSessionNotFound(id));
            }
            return;
        }
        var patterns = ComputerName?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (var session in sessions)
            if (patterns is null || patterns.Any(p => p.IsMatch(session.ComputerName))) WriteObject(session);
    }
}
