using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Altostrat.PowerShell.Completion;

/// <summary>
/// Tab completion of template ids from the connected API, with the name as tooltip: global and own ones to read, only
/// own ones for Set-AltoScriptTemplate, which cannot change a global one.
/// </summary>
public sealed class TemplateIdCompleter : IArgumentCompleter
{
    private static readonly CompletionSource.Fetch OwnTemplates = (client, add, token) => client.ListTemplatesAsync(false, t => add(t.Id, t.Name), token);

    private static readonly CompletionSource.Fetch Templates = async (client, add, token) =>
    {
        await OwnTemplates(client, add, token).ConfigureAwait(false);
        await client.ListTemplatesAsync(true, t => add(t.Id, t.Name), token).ConfigureAwait(false);
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.Complete(wordToComplete, commandName.IndexOf("Set-AltoScriptTemplate", System.StringComparison.OrdinalIgnoreCase) >= 0 ? OwnTemplates : Templates);
}
