using System;
using System.Management.Automation;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Validation;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.CommunityScripts;

/// <summary>
/// Get-AltoCommunityScript: community scripts by id, with content, repository and author. The API publishes no list
/// of community scripts, so there is no list form (and no completion of ids).
/// </summary>
[Cmdlet(VerbsCommon.Get, "AltoCommunityScript")]
[OutputType(typeof(AltoCommunityScript))]
public sealed class GetAltoCommunityScriptCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CommunityScriptId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var client = RequireClient();
        foreach (var id in InputValidation.CleanIds(Id))
        {
            RunOrWriteError(async token =>
            {
                var script = SdxMapper.ToCommunityScript(await client.GetCommunityScriptAsync(id, token).ConfigureAwait(false));
                Post(() => WriteObject(script));
            }, id);
        }
    }
}
