using System;
using System.Management.Automation;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>Get-AltoScheduledScriptProgress: one object per site (Completed, Failed or Pending).</summary>
[Cmdlet(VerbsCommon.Get, "AltoScheduledScriptProgress")]
[OutputType(typeof(AltoScheduledScriptProgress))]
public sealed class GetAltoScheduledScriptProgressCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ScheduledScriptId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduledScriptIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var client = RequireClient();
        foreach (var id in Id)
        {
            RunOrWriteError(async token =>
            {
                var progress = await client.GetProgressAsync(id, token).ConfigureAwait(false);
                foreach (var site in Mapper.ToProgress(id, progress)) Post(() => WriteObject(site));
            }, id);
        }
    }
}
