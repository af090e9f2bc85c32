using System;
using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Engine.Sdx;

/// <summary>Commands for the synchronous endpoint: read-only ones only, as <c>{command, parameters}</c>.</summary>
public static class SynchronousCommands
{
    /// <summary>
    /// What the synchronous endpoint runs: commands that read (the one definition, <see cref="RouterOsCommands"/>)
    /// and end by themselves, since the endpoint answers once. Changes go through a job or a schedule.
    /// </summary>
    public static IReadOnlyList<string> ReadOnlyVerbs { get; } =
        RouterOsCommands.ReadOnlyVerbs.Where(verb => !RouterOsCommands.RunsUntilCancelled(verb)).OrderBy(verb => verb, StringComparer.Ordinal).ToList();

    public static bool IsReadOnly(string normalizedPath) =>
        RouterOsCommands.IsReadOnly(normalizedPath) && !RouterOsCommands.RunsUntilCancelled(normalizedPath);

    /// <summary>The request body; throws InvalidOperationException for a command that is not read-only.</summary>
    public static SynchronousCommandRequest ToRequest(RouterCommand command)
    {
        if (!IsReadOnly(command.Path)) throw new InvalidOperationException($"'{command.Path}' is not a read-only command.");
        var request = new SynchronousCommandRequest { Command = command.Path };
        foreach (var parameter in command.Parameters) request.Parameters.Add("=" + parameter.Key + "=" + parameter.Value);
        if (command.PropertyList.Count > 0) request.Parameters.Add("=.proplist=" + string.Join(",", command.PropertyList));
        request.Parameters.AddRange(command.Queries);
        return request;
    }
}
