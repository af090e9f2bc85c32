using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Altostrat.HelpCompiler;

/// <summary>
/// Reads the cmdlet classes of the built module without running them (a metadata-only load), so the help says what
/// the code does: which parameters are mandatory, their position, pipeline input, aliases and wildcards.
/// </summary>
public static class CmdletMetadataReader
{
    /// <summary>Cmdlet name (Verb-Noun) to its parameters by name.</summary>
    public static Dictionary<string, Dictionary<string, ParameterMetadata>> Read(string assemblyPath, IEnumerable<string> referencePaths)
    {
        var paths = referencePaths.Append(assemblyPath).Append(typeof(object).Assembly.Location)
            .Where(File.Exists).GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.Last());
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        var result = new Dictionary<string, Dictionary<string, ParameterMetadata>>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assembly.GetTypes())
        {
            var cmdlet = Attribute(type.GetCustomAttributesData(), "CmdletAttribute");
            if (cmdlet is null) continue;
            var name = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
            var parameters = new Dictionary<string, ParameterMetadata>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributesData();
                var sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute").ToList();
                if (sets.Count == 0) continue;
                bool Named(CustomAttributeData set, string argument) =>
                    set.NamedArguments.Any(n => n.MemberName == argument && n.TypedValue.Value is true);
                var positions = sets.Select(s => s.NamedArguments.FirstOrDefault(n => n.MemberName == "Position").TypedValue.Value)
                    .OfType<int>().Where(p => p >= 0).ToList();
                var aliases = Attribute(attributes, "AliasAttribute")?.ConstructorArguments.SelectMany(Strings).ToList() ?? new List<string>();
                parameters[property.Name] = new ParameterMetadata(
                    Required: sets.All(s => Named(s, "Mandatory")),
                    Position: positions.Count > 0 ? positions.Min().ToString(System.Globalization.CultureInfo.InvariantCulture) : "named",
                    ByValue: sets.Any(s => Named(s, "ValueFromPipeline")),
                    ByPropertyName: sets.Any(s => Named(s, "ValueFromPipelineByPropertyName")),
                    Aliases: aliases.Count > 0 ? string.Join(", ", aliases) : "none",
                    Globbing: Attribute(attributes, "SupportsWildcardsAttribute") is not null);
            }
            // PowerShell adds these two to every cmdlet that supports ShouldProcess.
            if (cmdlet.NamedArguments.Any(n => n.MemberName == "SupportsShouldProcess" && n.TypedValue.Value is true))
            {
                parameters["WhatIf"] = new ParameterMetadata(false, "named", false, false, "wi", false);
                parameters["Confirm"] = new ParameterMetadata(false, "named", false, false, "cf", false);
            }
            result[name] = parameters;
        }
        return result;
    }

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.Name == name);

    // An [Alias("a", "b")] argument is a params string[]: one typed argument holding the array.
    private static IEnumerable<string> Strings(CustomAttributeTypedArgument argument) => argument.Value switch
    {
        string text => new[] { text },
        IEnumerable<CustomAttributeTypedArgument> items => items.Select(i => i.Value).OfType<string>(),
        _ => Array.Empty<string>(),
    };
}
