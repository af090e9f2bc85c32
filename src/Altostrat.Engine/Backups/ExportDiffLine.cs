namespace Altostrat.Engine.Backups;

/// <summary>A line that only one of two exports has: removed (in the reference only) or added (in the difference only).</summary>
public sealed class ExportDiffLine
{
    public ExportDiffLine(bool added, int lineNumber, string text, string? menu)
    {
        Added = added;
        LineNumber = lineNumber;
        Text = text;
        Menu = menu;
    }

    public bool Added { get; }

    /// <summary>'+' for an added line, '-' for a removed one, as a unified diff marks them.</summary>
    public char Indicator => Added ? '+' : '-';

    /// <summary>The line's number in its own file: the difference for an added line, the reference for a removed one.</summary>
    public int LineNumber { get; }

    public string Text { get; }
    public string? Menu { get; }

    public override string ToString() => $"{Indicator}{LineNumber} [{Menu}] {Text}";
}
