using System;
using System.Collections.Generic;
using System.Linq;

namespace Altostrat.HelpCompiler;

/// <summary>A cmdlet as its class declares it: its parameters in declaration order and its default parameter set.</summary>
public sealed class CmdletMetadata
{
    public CmdletMetadata(string name, string? defaultParameterSet, IReadOnlyList<ParameterMetadata> parameters)
    {
        Name = name;
        DefaultParameterSet = string.IsNullOrEmpty(defaultParameterSet) ? null : defaultParameterSet;
        Parameters = parameters;
        ByName = parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string? DefaultParameterSet { get; }

    public IReadOnlyList<ParameterMetadata> Parameters { get; }

    public IReadOnlyDictionary<string, ParameterMetadata> ByName { get; }

    /// <summary>
    /// The parameter sets as Get-Command lists them: the default set first (PowerShell makes one even when no
    /// parameter names it), then the others in the order the parameters first name them; a cmdlet whose parameters
    /// name no set has the one set of all its parameters.
    /// </summary>
    public IReadOnlyList<ParameterSetSyntax> ParameterSets()
    {
        var names = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(n => n != ParameterMetadata.AllSets).ToList();
        if (DefaultParameterSet is not null) names.Insert(0, DefaultParameterSet);
        if (names.Count == 0) names.Add(ParameterMetadata.AllSets);
        return names.Distinct(StringComparer.OrdinalIgnoreCase).Select(Syntax).ToList();
    }

    // PowerShell's display order (CommandParameterSetInfo.GenerateParametersInDisplayOrder): positional parameters
    // by position, then named mandatory ones, then named optional ones, each group in declaration order.
    private ParameterSetSyntax Syntax(string setName)
    {
        var members = Parameters.Select(p => (Parameter: p, Membership: p.In(setName)))
            .Where(m => m.Membership is not null)
            .Select(m => (m.Parameter, Membership: m.Membership!))
            .ToList();
        var ordered = members.Where(m => m.Membership.Position is not null).OrderBy(m => m.Membership.Position)
            .Concat(members.Where(m => m.Membership.Position is null && m.Membership.Mandatory))
            .Concat(members.Where(m => m.Membership.Position is null && !m.Membership.Mandatory))
            .ToList();
        return new ParameterSetSyntax(setName, ordered);
    }
}
