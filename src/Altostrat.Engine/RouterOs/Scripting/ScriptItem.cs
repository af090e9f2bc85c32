namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>One whitespace-separated item of a statement while it is parsed: a word, <c>name=value</c>, a string, a group.</summary>
internal sealed class ScriptItem
{
    public ScriptItem(int line, int column, int start)
    {
        Line = line;
        Column = column;
        Start = start;
    }

    public int Line { get; }
    public int Column { get; }
    public int Start { get; }
    public int End { get; set; }

    /// <summary>The part before '=' for <c>name=value</c>; null otherwise.</summary>
    public string? Name { get; set; }

    /// <summary>The literal text (the value for <c>name=value</c>) with quotes and escapes resolved.</summary>
    public string Literal { get; set; } = "";

    /// <summary>True when part of the value is computed at run time: a variable, <c>[...]</c>, <c>(...)</c> or <c>{...}</c>.</summary>
    public bool IsDynamic { get; set; }

    /// <summary>True for a plain word: no '=', quotes or groups.</summary>
    public bool IsBareWord { get; set; }
}
