namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>A saved place in the script, to go back to when a parse decision turns out wrong.</summary>
internal readonly struct ScriptPosition
{
    public ScriptPosition(int index, int line, int column)
    {
        Index = index;
        Line = line;
        Column = column;
    }

    public int Index { get; }
    public int Line { get; }
    public int Column { get; }
}
