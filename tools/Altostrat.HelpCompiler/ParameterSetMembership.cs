namespace Altostrat.HelpCompiler;

/// <summary>
/// One [Parameter] attribute of a parameter: what it is in one parameter set. A parameter can be mandatory and
/// positional in one set and optional and named in another, so the syntax needs this per set, not per parameter.
/// </summary>
/// <param name="SetName">The set's name, or <see cref="ParameterMetadata.AllSets"/> for an attribute that names none.</param>
/// <param name="Position">The position, or null for a named-only parameter.</param>
public sealed record ParameterSetMembership(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);
