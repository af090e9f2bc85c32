using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Altostrat.PowerShell.Completion;

/// <summary>
/// Tab completion of the scheduled scripts that can still be changed, approved or cancelled (not launched, not
/// cancelled), for Set-, Approve- and Stop-AltoScheduledScript: offering the others only leads to an API refusal.
/// </summary>
public sealed class PendingScheduledScriptIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.Complete(wordToComplete, CompletionSource.PendingScheduledScripts);
}
