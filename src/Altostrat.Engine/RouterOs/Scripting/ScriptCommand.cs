using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// One command of a script: a menu command (<c>/ip/address add</c>, with relative paths resolved), a scripting
/// command (<c>:local</c>, <c>:if</c>) or a call of a function (<c>$name</c>), with its risk and the reason for it.
/// </summary>
public sealed class ScriptCommand
{
    private const int MaxText = 160;

    private readonly string _source;
    private readonly int _start;
    private readonly int _end;
    private string? _text;

    internal ScriptCommand(int line, int column, string path, string command, IReadOnlyList<ScriptArgument> arguments, string source, int start, int end,
        int depth = 0)
    {
        Depth = depth;
        Line = line;
        Column = column;
        Path = path;
        Command = command;
        Arguments = arguments;
        _source = source;
        _start = start;
        _end = end;
        Reason = "";
    }

    // Where the command starts in the script, for the parser to tell which argument of an outer command holds it.
    internal int Start => _start;

    public int Line { get; }
    public int Column { get; }

    /// <summary>The menu in slash spelling (<c>/ip/firewall/filter</c>); empty for scripting commands and function calls.</summary>
    public string Path { get; }

    /// <summary>The command word: <c>add</c>, <c>:if</c>, <c>$myFunction</c>.</summary>
    public string Command { get; }

    public IReadOnlyList<ScriptArgument> Arguments { get; }

    /// <summary>
    /// 0 for a statement of the script itself; 1 for a command inside a <c>[...]</c>, <c>{...}</c> or <c>(...)</c> of
    /// one, and so on. A nested command comes right after the command it is written in, so a reader that runs the
    /// script can tell a statement from a substitution such as <c>[find name=ether1]</c>.
    /// </summary>
    public int Depth { get; }

    /// <summary>
    /// A <c>[find ...]</c> written inside another command to pick its entries: part of that command, not a command of
    /// its own to count ("/ip address remove [find ...]" is one command).
    /// </summary>
    public bool IsSelector => Depth > 0 && Command == "find" && OpensWithBracket();

    // A substitution, [find ...] or [/ip route find ...]: the bracket comes right before the command's text.
    private bool OpensWithBracket()
    {
        var i = _start - 1;
        while (i >= 0 && _source[i] is ' ' or '\t') i--;
        return i >= 0 && _source[i] == '[';
    }

    /// <summary>The command as written, on one line, shortened when long, with secret values masked (<see cref="SecretValues"/>).</summary>
    public string Text => _text ??= ScriptText.Shown(_source, _start, _end, MaxText);

    /// <summary>
    /// True for a path written alone that no later line uses as its menu (<c>/interface/ethernet/poe/power-cycle
    /// ether2</c>, or a menu changed to at the end of a script): without the router's menu tree it may be a command
    /// the analyzer does not know, so it is counted and rated as one, its last word taken as the command.
    /// </summary>
    public bool MayBeMenu { get; internal set; }

    public ScriptRisk Risk { get; internal set; }

    /// <summary>Why the command has its risk, in words for the person deciding whether to run it.</summary>
    public string Reason { get; internal set; }

    public override string ToString() => $"line {Line}: {Text} ({Risk}: {Reason})";
}
