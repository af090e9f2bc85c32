using System;
using System.Management.Automation;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>Stop-AltoScheduledScript: cancels a scheduled script before it launches.</summary>
[Cmdlet(VerbsLifecycle.Stop, "AltoScheduledScript", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AltoScheduledScript))]
public sealed class StopAltoScheduledScriptCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ScheduledScriptId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PendingScheduledScriptIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var client = RequireClient();
        foreach (var id in Id)
        {
            if (!ShouldCancel(id)) continue;
            RunOrWriteError(async token =>
            {
                await client.CancelScheduledScriptAsync(id, token).ConfigureAwait(false);
                if (PassThru && await client.FindScheduledScriptAsync(id, token).ConfigureAwait(false) is { } cancelled)
                    Post(() => WriteObject(Mapper.ToScheduledScript(cancelled)));
            }, id);
        }
    }

    // High impact, so it asks under the default $ConfirmPreference, which a session with no one to answer cannot.
    private bool ShouldCancel(string id) => Errors.NoOneToAsk.ShouldProcess(this, $"scheduled script {id}", "Cancel", $"Cancelling scheduled script '{id}'", id);
}
