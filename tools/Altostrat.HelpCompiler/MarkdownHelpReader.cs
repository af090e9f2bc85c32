using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Altostrat.HelpCompiler;

/// <summary>
/// Reads the sections of a platyPS-style cmdlet page: ## headings, ### examples, parameters, input and output types,
/// fenced code, related links. The SYNTAX block is not read: the syntax comes from the cmdlet metadata, which cannot be stale.
/// </summary>
public static class MarkdownHelpReader
{
    public static HelpPage Read(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var page = new HelpPage();
        var start = 0;
        if (lines.Length > 0 && lines[0] == "---")
            start = Array.IndexOf(lines, "---", 1) + 1;
        string? section = null;
        string? sub = null;
        var buffer = new List<string>();

        void Flush()
        {
            var text = string.Join("\n", buffer).Trim();
            buffer.Clear();
            switch (section)
            {
                case "SYNOPSIS": page.Synopsis = text; break;
                case "DESCRIPTION": page.Description = text; break;
                case "NOTES": page.Notes = text; break;
                case "INPUTS" when sub is not null: page.Inputs.Add((sub, text)); break;
                case "OUTPUTS" when sub is not null: page.Outputs.Add((sub, text)); break;
                case "RELATED LINKS":
                    foreach (Match link in Regex.Matches(text, @"\[([^\]]+)\]\(([^)]*)\)"))
                        page.RelatedLinks.Add((link.Groups[1].Value.Trim(), Address(link.Groups[2].Value.Trim())));
                    break;
                case "EXAMPLES" when sub is not null:
                    var (code, remarks) = SplitCode(text);
                    page.Examples.Add((sub, code, remarks));
                    break;
                case "PARAMETERS" when sub is not null:
                    var (yaml, description) = SplitCode(text);
                    var type = Regex.Match(yaml, @"^Type:\s*(.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();
                    page.Parameters.Add((sub.TrimStart('-'), description, type));
                    break;
            }
        }

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("# ", StringComparison.Ordinal) && page.Name.Length == 0) { page.Name = line[2..].Trim(); continue; }
            if (line.StartsWith("## ", StringComparison.Ordinal)) { Flush(); section = line[3..].Trim().ToUpperInvariant(); sub = null; continue; }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                sub = line[4..].Trim();
                // Under INPUTS and OUTPUTS each heading is a type, with what it is for under it; CommonParameters is
                // PowerShell's, not the cmdlet's.
                if (sub == "CommonParameters") sub = null;
                continue;
            }
            buffer.Add(line);
        }
        Flush();
        return page;
    }

    // Only an absolute address means anything once the help is installed; a link to a sibling page (Get-AltoSite.md)
    // keeps its text, which Get-Help -Name finds.
    private static string Address(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? target : "";

    /// <summary>The first fenced block and the prose around it.</summary>
    private static (string Code, string Prose) SplitCode(string text)
    {
        var match = Regex.Match(text, "```[a-zA-Z]*\n(.*?)\n```", RegexOptions.Singleline);
        if (!match.Success) return ("", text);
        var prose = new StringBuilder().Append(text[..match.Index]).Append(text[(match.Index + match.Length)..]).ToString().Trim();
        return (match.Groups[1].Value.Trim(), prose);
    }
}
