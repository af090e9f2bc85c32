using System.Management.Automation;
using Altostrat.Engine.Text;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Scripts;
using Altostrat.PowerShell.Validation;

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
            WriteError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.InvalidPrompt, error, Prompt));
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
                    if (script.Destructive) WriteWarning(DestructiveWarning(script));
                    if (!string.IsNullOrEmpty(script.Error)) WriteWarning("The AI says: " + TerminalText.Safe(script.Error!, keepLineBreaks: true));
                    WriteObject(script);
                });
            }
        }, prompt);
    }

    private static string DestructiveWarning(AltoAiScript script)
    {
        var nl = System.Environment.NewLine;
        var service = script.DestructiveByService ? "The AI service marks this script as destructive." : "The AI service does not mark this script as destructive.";
        var analyzer = script.DestructiveByAnalyzer
            ? $"The module's analyzer does:{nl}{ScriptReview.DestructiveLines(script.Analysis!)}"
            : "The module's analyzer finds no destructive command.";
        // The script as the service wrote it, but with nothing in it that could steer the terminal it is reviewed on.
        return $"{service} {analyzer}{nl}It can cut off access or lose configuration; review it before scheduling it:{nl}{TerminalText.Safe(script.Script, keepLineBreaks: true)}";
    }
}
