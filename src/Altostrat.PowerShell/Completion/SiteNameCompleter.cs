using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Altostrat.PowerShell.Completion;

/// <summary>Tab completion of site names (Get-AltoSite -Name) from the connected API, quoted where needed, the id as tooltip.</summary>
public sealed class SiteNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.Complete(wordToComplete, CompletionSource.SiteNames);
}
