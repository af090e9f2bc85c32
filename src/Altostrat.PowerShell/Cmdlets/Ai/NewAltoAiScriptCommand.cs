using System.Management.Automation;
using Altostrat.PowerShell.Infrastructure;

namespace Altostrat.PowerShell.Cmdlets.Ai;

/// <summary>New-AltoAiScript: asks the SDX AI to write a RouterOS script for a prompt.</summary>
[Cmdlet(VerbsCommon.New, "AltoAiScript")]
[OutputType(typeof(AltoAiScript))]
public sealed class NewAltoAiScriptCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Prompt { get; set; } = "";

    protected override void ProcessRecord()
    {
        var error = InputValidation.PromptError(Prompt);
        if (error is not null)
        {
            WriteError(ErrorRecords.InvalidArgument("Altostrat.InvalidPrompt", error, Prompt));
            return;
        }
        var client = RequireClient();
        var prompt = Prompt;
        RunOrWriteError(async token =>
        {
            var response = await client.GenerateScriptAsync(prompt, token).ConfigureAwait(false);
            foreach (var script in Mapper.ToAiScripts(prompt, response))
            {
                Post(() =>
                {
                    if (script.Destructive)
                        WriteWarning($"The AI marks this script as destructive: it can cut off access or lose configuration. Review it before scheduling it:{System.Environment.NewLine}{script.Script}");
                    if (!string.IsNullOrEmpty(script.Error)) WriteWarning("The AI says: " + script.Error);
                    WriteObject(script);
                });
            }
        }, prompt);
    }
}
