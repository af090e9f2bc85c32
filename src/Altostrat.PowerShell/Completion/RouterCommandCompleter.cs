using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Altostrat.Engine.RouterOs.Configuration;

namespace Altostrat.PowerShell.Completion;

/// <summary>
/// Completes API commands for Invoke-AltoRouterCommand -Command: a menu the module knows (the desired-state catalog,
/// and a few menus every router has) followed by the commands that menu takes. The catalog cannot list
/// every RouterOS menu; anything else is still accepted as typed.
/// </summary>
public sealed class RouterCommandCompleter : IArgumentCompleter
{
    // Menus outside the catalog that every router (and every simulated one) has.
    private static readonly (string Command, string Tooltip)[] Others =
    {
        ("/system/resource/print", "/system/resource: version, uptime, load, memory"),
        ("/system/script/print", "/system/script: read"),
        ("/system/script/add", "/system/script: add a script"),
        ("/system/script/run", "/system/script: run a script"),
        ("/file/print", "/file: read"),
    };

    private static readonly Lazy<IReadOnlyList<(string Command, string Tooltip)>> Commands = new(() =>
    {
        var commands = new List<(string, string)>();
        foreach (var menu in MenuCatalog.All)
        {
            commands.Add(($"{menu.Path}/print", $"{menu.Path}: read"));
            commands.Add(($"{menu.Path}/set", $"{menu.Path}: change"));
            if (!menu.IsList) continue;
            commands.Add(($"{menu.Path}/add", $"{menu.Path}: add an entry"));
            commands.Add(($"{menu.Path}/remove", $"{menu.Path}: remove entries (destructive)"));
        }
        commands.AddRange(Others);
        return commands.OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();
    });

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = CompletionSource.Typed(wordToComplete);
        // Through SDX (-SiteId) only commands that read are allowed: offering the others would only lead to a refusal.
        var readOnly = fakeBoundParameters?.Contains("SiteId") == true;
        return Commands.Value
            .Where(c => c.Command.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Where(c => !readOnly || Altostrat.Engine.Sdx.SynchronousCommands.IsReadOnly(c.Command))
            .Select(c => new CompletionResult(c.Command, c.Command, CompletionResultType.ParameterValue, c.Tooltip));
    }
}
