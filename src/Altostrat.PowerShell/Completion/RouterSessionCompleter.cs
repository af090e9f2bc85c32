using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Completion;

/// <summary>
/// Tab completion of the router sessions open in this process: their ids for -Id, their router names for
/// -ComputerName, each with the other as tooltip. Local, so nothing is asked of the network.
/// </summary>
public sealed class RouterSessionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionSource.Typed(wordToComplete);
        var byName = string.Equals(parameterName, "ComputerName", StringComparison.OrdinalIgnoreCase);
        foreach (var session in RouterSessions.All())
        {
            var id = session.Id.ToString(CultureInfo.InvariantCulture);
            var tooltip = $"{session.Id}: {session.UserName}@{session.ComputerName}{(session.IsConnected ? "" : " (closed)")}";
            if (byName)
            {
                if (session.ComputerName.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(CompletionSource.Quoted(session.ComputerName), session.ComputerName, CompletionResultType.ParameterValue, tooltip);
            }
            else if (id.StartsWith(word, StringComparison.Ordinal))
                yield return new CompletionResult(id, id, CompletionResultType.ParameterValue, tooltip);
        }
    }
}
