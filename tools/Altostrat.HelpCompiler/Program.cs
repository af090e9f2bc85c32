using System;
using System.IO;
using System.Linq;
using Altostrat.HelpCompiler;

// Usage: Altostrat.HelpCompiler <docs/help directory> <output .xml>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Altostrat.HelpCompiler <markdown directory> <output xml>");
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
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
MamlWriter.Write(pages).Save(args[1]);
Console.WriteLine($"Help: {pages.Count} cmdlet pages -> {args[1]}");
return 0;
