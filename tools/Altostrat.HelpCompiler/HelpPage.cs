using System.Collections.Generic;

namespace Altostrat.HelpCompiler;

public sealed class HelpPage
{
    public string Name { get; set; } = "";
    public string Synopsis { get; set; } = "";
    public string Description { get; set; } = "";
    public List<(string Title, string Code, string Remarks)> Examples { get; } = new();
    public List<(string Name, string Description, string Type)> Parameters { get; } = new();
    public string Inputs { get; set; } = "";
    public string Outputs { get; set; } = "";
    public string Notes { get; set; } = "";
}
