using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Altostrat.HelpCompiler;

/// <summary>What Get-Help shows about a parameter besides its text, as the cmdlet class declares it.</summary>
/// <param name="TypeName">The type as help pages write it (String[], PSCredential, Int32), not the accelerator Get-Command uses.</param>
/// <param name="IsSwitch">A SwitchParameter: the syntax shows it without a value.</param>
/// <param name="Sets">One entry per [Parameter] attribute, in declaration order.</param>
/// <param name="DefaultValue">From [PSDefaultValue] (its Help text, else its Value); null where the parameter declares none.</param>
public sealed record ParameterMetadata(string Name, string TypeName, bool IsSwitch, IReadOnlyList<ParameterSetMembership> Sets, string Aliases, bool Globbing,
    string? DefaultValue = null)
{
    /// <summary>The set name PowerShell gives a [Parameter] attribute that names none: the parameter is in every set.</summary>
    public const string AllSets = "__AllParameterSets";

    // The PARAMETERS section describes a parameter once for all its sets: required only where every set requires it,
    // the lowest position it has anywhere, and pipeline input if any set takes it.
    public bool Required => Sets.All(s => s.Mandatory);

    public string Position => Sets.Select(s => s.Position).OfType<int>().DefaultIfEmpty(-1).Min() is var p and >= 0
        ? p.ToString(CultureInfo.InvariantCulture)
        : "named";

    public bool ByValue => Sets.Any(s => s.ByValue);

    public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);

    public string PipelineInput => PipelineInputText(ByValue, ByPropertyName);

    /// <summary>What the parameter is in the named set: its own attribute for that set, else its all-sets attribute, else null (not in the set).</summary>
    public ParameterSetMembership? In(string setName) =>
        Sets.FirstOrDefault(s => s.SetName == setName) ?? Sets.FirstOrDefault(s => s.SetName == AllSets);

    public static string PipelineInputText(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
}
