namespace Altostrat.Engine.Backups;

/// <summary>One physical line of a RouterOS export: its 1-based number, text, and the menu it belongs to.</summary>
public sealed class ExportLine
{
    public ExportLine(int number, string text, string? menu, bool isNoise)
    {
        Number = number;
        Text = text;
        Menu = menu;
        IsNoise = isNoise;
    }

    public int Number { get; }
    public string Text { get; }

    /// <summary>The menu (<c>/ip address</c>) of the section the line is in; null before the first section header.</summary>
    public string? Menu { get; }

    /// <summary>A header line that changes from one export to the next without any change of configuration.</summary>
    public bool IsNoise { get; }
}
