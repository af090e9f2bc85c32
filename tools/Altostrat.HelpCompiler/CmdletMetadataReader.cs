using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Altostrat.HelpCompiler;

/// <summary>
/// Reads the cmdlet classes of the built module without running them (a metadata-only load), so the help says what
/// the code does: the parameter sets, which parameters are mandatory in each, their position, pipeline input,
/// type, aliases and wildcards.
/// </summary>
public static class CmdletMetadataReader
{
    /// <summary>Cmdlet name (Verb-Noun) to its metadata.</summary>
    public static Dictionary<string, CmdletMetadata> Read(string assemblyPath, IEnumerable<string> referencePaths)
    {
        var paths = referencePaths.Append(assemblyPath).Append(typeof(object).Assembly.Location)
            .Where(File.Exists).GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.Last());
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        var result = new Dictionary<string, CmdletMetadata>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assembly.GetTypes())
        {
            var cmdlet = Attribute(type.GetCustomAttributesData(), "CmdletAttribute");
            if (cmdlet is null) continue;
            var name = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
            var parameters = new List<ParameterMetadata>();
            // Declared properties first, then the base classes' ones: the order PowerShell's own reflection sees, which
            // is the order Get-Command keeps within each group of its syntax.
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributesData();
                var sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute").Select(Membership).ToList();
                if (sets.Count == 0) continue;
                var aliases = Attribute(attributes, "AliasAttribute")?.ConstructorArguments.SelectMany(Strings).ToList() ?? new List<string>();
                var defaultValue = Attribute(attributes, "PSDefaultValueAttribute") is { } declared
                    ? Named(declared, "Help") as string ?? Convert.ToString(Named(declared, "Value"), System.Globalization.CultureInfo.InvariantCulture)
                    : null;
                parameters.Add(new ParameterMetadata(
                    Name: property.Name,
                    TypeName: FriendlyName(property.PropertyType),
                    IsSwitch: property.PropertyType.FullName == "System.Management.Automation.SwitchParameter",
                    Sets: sets,
                    Aliases: aliases.Count > 0 ? string.Join(", ", aliases) : "none",
                    Globbing: Attribute(attributes, "SupportsWildcardsAttribute") is not null,
                    DefaultValue: defaultValue));
            }
            // PowerShell adds these two to every set of a cmdlet that supports ShouldProcess, after its own parameters.
            if (Named(cmdlet, "SupportsShouldProcess") is true)
            {
                var everySet = new[] { new ParameterSetMembership(ParameterMetadata.AllSets, false, null, false, false) };
                parameters.Add(new ParameterMetadata("WhatIf", "SwitchParameter", true, everySet, "wi", false));
                parameters.Add(new ParameterMetadata("Confirm", "SwitchParameter", true, everySet, "cf", false));
            }
            result[name] = new CmdletMetadata(name, Named(cmdlet, "DefaultParameterSetName") as string, parameters);
        }
        return result;
    }

    private static ParameterSetMembership Membership(CustomAttributeData parameter) => new(
        SetName: Named(parameter, "ParameterSetName") as string is { Length: > 0 } set ? set : ParameterMetadata.AllSets,
        Mandatory: Named(parameter, "Mandatory") is true,
        // Position defaults to int.MinValue, PowerShell's "named"; any negative position means the same.
        Position: Named(parameter, "Position") is int position and >= 0 ? position : null,
        ByValue: Named(parameter, "ValueFromPipeline") is true,
        ByPropertyName: Named(parameter, "ValueFromPipelineByPropertyName") is true);

    private static object? Named(CustomAttributeData attribute, string argument) =>
        attribute.NamedArguments.FirstOrDefault(n => n.MemberName == argument).TypedValue.Value;

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.Name == name);

    // As platyPS pages write types: the short name, arrays with [], and a Nullable<T> as T (the user gives a T; leaving
    // the parameter out is the null).
    private static string FriendlyName(Type type)
    {
        if (type.IsArray) return FriendlyName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var arguments = type.GetGenericArguments();
        if (type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return FriendlyName(arguments[0]);
        return type.Name[..type.Name.IndexOf('`')] + "[" + string.Join(", ", arguments.Select(FriendlyName)) + "]";
    }

    // An [Alias("a", "b")] argument is a params string[]: one typed argument holding the array.
    private static IEnumerable<string> Strings(CustomAttributeTypedArgument argument) => argument.Value switch
    {
        string text => new[] { text },
        IEnumerable<CustomAttributeTypedArgument> items => items.Select(i => i.Value).OfType<string>(),
        _ => Array.Empty<string>(),
    };
}
