using System.Collections.Generic;

namespace Altostrat.HelpCompiler;

/// <summary>One parameter set as a syntax line shows it: its parameters in PowerShell's display order, each with what it is in this set.</summary>
public sealed record ParameterSetSyntax(string Name, IReadOnlyList<(ParameterMetadata Parameter, ParameterSetMembership Membership)> Parameters);
