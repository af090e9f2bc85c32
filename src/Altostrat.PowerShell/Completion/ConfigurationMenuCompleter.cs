using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Altostrat.Engine.RouterOs.Configuration;

namespace Altostrat.PowerShell.Completion;

/// <summary>Completes the menus desired state knows (/ip/firewall/filter, /ip/dns, ...), from the engine's catalog.</summary>
public sealed class ConfigurationMenuCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        // Also as the CLI writes a menu, inside quotes ('/ip fi', 'ip fi'): completed to the API spelling, which the
        // cmdlets take as well.
        var prefix = CompletionSource.Typed(wordToComplete).Trim().Replace(' ', '/');
        if (prefix.Length > 0 && prefix[0] != '/') prefix = "/" + prefix;
        return MenuCatalog.All
            .Where(m => m.Path.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
            .Select(m => new CompletionResult(m.Path, m.Path, CompletionResultType.ParameterValue, m.IsList ? $"{m.Path} (list)" : $"{m.Path} (settings)"));
    }
}
