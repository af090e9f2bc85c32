using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Altostrat.HelpCompiler;

/// <summary>Writes cmdlet help in MAML, the XML that Get-Help reads for binary modules.</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <param name="metadata">The cmdlets' metadata by cmdlet name; without it there is no syntax and the parameters carry only their text and type.</param>
    public static XDocument Write(IEnumerable<HelpPage> pages, IReadOnlyDictionary<string, CmdletMetadata>? metadata = null) =>
        new(new XDeclaration("1.0", "utf-8", null),
        new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            pages.Select(page => CommandElement(page, metadata?.GetValueOrDefault(page.Name)))));

    private static XElement CommandElement(HelpPage page, CmdletMetadata? cmdlet)
    {
        var dash = page.Name.IndexOf('-');
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", page.Name),
                new XElement(Command + "verb", page.Name[..dash]),
                new XElement(Command + "noun", page.Name[(dash + 1)..]),
                new XElement(Maml + "description", Paragraphs(page.Synopsis))),
            new XElement(Maml + "description", Paragraphs(page.Description)),
            new XElement(Command + "syntax", cmdlet?.ParameterSets().Select(set => SyntaxItem(page.Name, set))),
            new XElement(Command + "parameters", page.Parameters.Select(p =>
                new XElement(Command + "parameter", Attributes(cmdlet?.ByName.GetValueOrDefault(p.Name)),
                    new XElement(Maml + "name", p.Name),
                    new XElement(Maml + "description", Paragraphs(p.Description)),
                    new XElement(Dev + "type", new XElement(Maml + "name", p.Type)),
                    cmdlet?.ByName.GetValueOrDefault(p.Name)?.DefaultValue is { } defaultValue ? new XElement(Dev + "defaultValue", defaultValue) : null))),
            new XElement(Command + "inputTypes", page.Inputs.Select(i => new XElement(Command + "inputType", TypeAndText(i.Type, i.Description)))),
            new XElement(Command + "returnValues", page.Outputs.Select(o => new XElement(Command + "returnValue", TypeAndText(o.Type, o.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(page.Notes))),
            new XElement(Command + "examples", page.Examples.Select(e =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paragraphs(e.Remarks))))),
            new XElement(Maml + "relatedLinks", page.RelatedLinks.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    // One line of SYNTAX. Get-Help draws the brackets from these attributes: required="false" wraps the whole
    // parameter, a position other than "named" wraps the name, and a parameter without a parameterValue is a switch.
    // It adds [<CommonParameters>] itself, so the common parameters are not listed.
    private static XElement SyntaxItem(string name, ParameterSetSyntax set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", name),
            set.Parameters.Select(p => new XElement(Command + "parameter",
                ParameterAttributes(p.Membership.Mandatory, p.Parameter.Globbing, ParameterMetadata.PipelineInputText(p.Membership.ByValue, p.Membership.ByPropertyName),
                    p.Membership.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named", p.Parameter.Aliases),
                new XElement(Maml + "name", p.Parameter.Name),
                p.Parameter.IsSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.Parameter.TypeName),
                new XElement(Dev + "type", new XElement(Maml + "name", p.Parameter.TypeName)))));

    // What Get-Help shows as Required?, Position?, Accept pipeline input?, Aliases and Accept wildcard characters?.
    private static IEnumerable<XAttribute> Attributes(ParameterMetadata? metadata) => metadata is null
        ? Enumerable.Empty<XAttribute>()
        : ParameterAttributes(metadata.Required, metadata.Globbing, metadata.PipelineInput, metadata.Position, metadata.Aliases);

    // The same attributes on a parameter of PARAMETERS and on one of a SYNTAX line (there for its parameter set).
    private static XAttribute[] ParameterAttributes(bool required, bool globbing, string pipelineInput, string position, string aliases) => new[]
    {
        new XAttribute("required", Bool(required)),
        new XAttribute("variableLength", "true"),
        new XAttribute("globbing", Bool(globbing)),
        new XAttribute("pipelineInput", pipelineInput),
        new XAttribute("position", position),
        new XAttribute("aliases", aliases),
    };

    private static IEnumerable<XElement> TypeAndText(string type, string text) => new[]
    {
        new XElement(Dev + "type", new XElement(Maml + "name", type)),
        new XElement(Maml + "description", Paragraphs(text)),
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => new XElement(Maml + "para", p.Replace("\n", " ")));
}
