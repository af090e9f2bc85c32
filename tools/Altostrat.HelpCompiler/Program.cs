using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Altostrat.HelpCompiler;

// Usage: Altostrat.HelpCompiler <docs/help directory> <output .xml> [<module assembly> <file listing its references>]
if (args.Length is not (2 or 4))
{
    Console.Error.WriteLine("usage: Altostrat.HelpCompiler <markdown directory> <output xml> [<module assembly> <reference list file>]");
    return 2;
}
var pages = Directory.GetFiles(args[0], "*-*.md").OrderBy(p => p, StringComparer.Ordinal)
    .Select(path => MarkdownHelpReader.Read(File.ReadAllText(path))).ToList();
var broken = pages.Where(p => p.Name.IndexOf('-') <= 0).Select(p => p.Name).ToList();
if (broken.Count > 0)
{
    Console.Error.WriteLine("Pages without a Verb-Noun title: " + string.Join(", ", broken));
    return 1;
}

Dictionary<string, CmdletMetadata>? metadata = null;
if (args.Length == 4)
{
    metadata = CmdletMetadataReader.Read(args[2], File.ReadAllLines(args[3]).Select(l => l.Trim()).Where(l => l.Length > 0));
    // A page documenting a cmdlet or parameter the code does not have is stale: fail rather than ship it.
    var stale = pages.SelectMany(page => metadata.TryGetValue(page.Name, out var known)
            ? page.Parameters.Where(p => !known.ByName.ContainsKey(p.Name)).Select(p => $"{page.Name} -{p.Name}")
            : new[] { page.Name })
        .ToList();
    if (stale.Count > 0)
    {
        Console.Error.WriteLine("Documented but not in the module: " + string.Join(", ", stale));
        return 1;
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
MamlWriter.Write(pages, metadata).Save(args[1]);
Console.WriteLine($"Help: {pages.Count} cmdlet pages -> {args[1]}" + (metadata is null ? "" : " (with parameter metadata)"));
return 0;
