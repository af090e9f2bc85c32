using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Altostrat.PowerShell.Completion;

/// <summary>
/// Tab completion of the scheduled scripts a command can still act on, for Set-, Approve- and Stop-AltoScheduledScript:
/// those not launched nor cancelled, and for Approve only those waiting for approval. Offering the others only leads to
/// an API refusal.
/// </summary>
public sealed class PendingScheduledScriptIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.Complete(wordToComplete, commandName.Equals("Approve-AltoScheduledScript", System.StringComparison.OrdinalIgnoreCase)
            ? CompletionSource.UnauthorizedScheduledScripts
            : CompletionSource.PendingScheduledScripts);
}
