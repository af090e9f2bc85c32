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

    /// <param name="metadata">The cmdlets' parameter metadata by cmdlet and parameter name; without it the parameters carry only their text and type.</param>
    public static XDocument Write(IEnumerable<HelpPage> pages, IReadOnlyDictionary<string, Dictionary<string, ParameterMetadata>>? metadata = null) =>
        new(new XDeclaration("1.0", "utf-8", null),
        new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            pages.Select(page => CommandElement(page, metadata?.GetValueOrDefault(page.Name)))));

    private static XElement CommandElement(HelpPage page, Dictionary<string, ParameterMetadata>? parameters)
    {
        var dash = page.Name.IndexOf('-');
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", page.Name),
                new XElement(Command + "verb", page.Name[..dash]),
                new XElement(Command + "noun", page.Name[(dash + 1)..]),
                new XElement(Maml + "description", Paragraphs(page.Synopsis))),
            new XElement(Maml + "description", Paragraphs(page.Description)),
            new XElement(Command + "parameters", page.Parameters.Select(p =>
                new XElement(Command + "parameter", Attributes(parameters?.GetValueOrDefault(p.Name)),
                    new XElement(Maml + "name", p.Name),
                    new XElement(Maml + "description", Paragraphs(p.Description)),
                    new XElement(Dev + "type", new XElement(Maml + "name", p.Type))))),
            new XElement(Command + "inputTypes", new XElement(Command + "inputType", new XElement(Dev + "type", new XElement(Maml + "name", page.Inputs)))),
            new XElement(Command + "returnValues", new XElement(Command + "returnValue", new XElement(Dev + "type", new XElement(Maml + "name", page.Outputs)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(page.Notes))),
            new XElement(Command + "examples", page.Examples.Select(e =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paragraphs(e.Remarks))))));
    }

    // What Get-Help shows as Required?, Position?, Accept pipeline input?, Aliases and Accept wildcard characters?.
    private static IEnumerable<XAttribute> Attributes(ParameterMetadata? metadata) => metadata is null
        ? Enumerable.Empty<XAttribute>()
        : new[]
        {
            new XAttribute("required", metadata.Required ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", metadata.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", metadata.Position),
            new XAttribute("aliases", metadata.Aliases),
        };

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => new XElement(Maml + "para", p.Replace("\n", " ")));
}
