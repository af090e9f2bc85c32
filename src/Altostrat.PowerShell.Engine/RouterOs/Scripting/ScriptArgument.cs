namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>One argument of a command: <c>name=value</c>, or a positional value when <see cref="Name"/> is null.</summary>
public sealed class ScriptArgument
{
    public ScriptArgument(string? name, string? value, string text)
    {
        Name = name;
        Value = value;
        Text = text;
    }

    /// <summary>The argument name, or null for a positional argument.</summary>
    public string? Name { get; }

    /// <summary>The value with quotes and escapes resolved; null when it is computed at run time (a variable, <c>[...]</c>, <c>(...)</c>).</summary>
    public string? Value { get; }

    /// <summary>The argument as written, on one line.</summary>
    public string Text { get; }

    public override string ToString() => Text;
}
