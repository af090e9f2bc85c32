namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>One argument of a command: <c>name=value</c>, or a positional value when <see cref="Name"/> is null.</summary>
public sealed class ScriptArgument
{
    private const int MaxText = 200;

    // The text is cut from the source when first asked for: an analysis of a long script keeps far fewer objects.
    private readonly string _source;
    private readonly int _start;
    private readonly int _end;
    private string? _text;

    private readonly bool _secret;

    /// <param name="secret">The value given to a variable named like a password: shown as the mask, whatever it is.</param>
    internal ScriptArgument(string? name, string? value, string source, int start, int end, bool secret = false)
    {
        _secret = secret;
        Name = name;
        Value = value;
        _source = source;
        _start = start;
        _end = end;
    }

    /// <summary>The argument name, or null for a positional argument.</summary>
    public string? Name { get; }

    /// <summary>The value with quotes and escapes resolved; null when it is computed at run time (a variable, <c>[...]</c>, <c>(...)</c>).</summary>
    public string? Value { get; }

    // Where the argument stands in the script, for the parser to tell which nested commands are inside it.
    internal int Start => _start;

    internal int End => _end;

    /// <summary>The argument as written, on one line, a secret value masked (<see cref="SecretValues"/>).</summary>
    public string Text => _text ??= _secret ? SecretValues.Mask : ScriptText.Shown(_source, _start, _end, MaxText);

    public override string ToString() => Text;
}
