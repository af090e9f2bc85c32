using System.Collections.Generic;

namespace Altostrat.HelpCompiler;

public sealed class HelpPage
{
    public string Name { get; set; } = "";
    public string Synopsis { get; set; } = "";
    public string Description { get; set; } = "";
    public List<(string Title, string Code, string Remarks)> Examples { get; } = new();
    public List<(string Name, string Description, string Type)> Parameters { get; } = new();
    /// <summary>One entry per ### heading under INPUTS: the type, and the text under it (what binds it).</summary>
    public List<(string Type, string Description)> Inputs { get; } = new();
    public List<(string Type, string Description)> Outputs { get; } = new();
    public string Notes { get; set; } = "";
    /// <summary>The [text](target) links under RELATED LINKS; Uri is empty for a link to a sibling page, which means nothing once the help is installed.</summary>
    public List<(string Text, string Uri)> RelatedLinks { get; } = new();
}
