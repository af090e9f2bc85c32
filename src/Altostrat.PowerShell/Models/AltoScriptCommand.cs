namespace Altostrat.PowerShell;

/// <summary>One command of an analyzed script, with its risk and the reason for it.</summary>
public sealed class AltoScriptCommand
{
    public int Line { get; set; }
    public int Column { get; set; }

    /// <summary>The menu in slash spelling (/ip/firewall/filter), relative paths resolved; empty for scripting commands.</summary>
    public string Path { get; set; } = "";

    /// <summary>The command word: add, remove, :if, or $function for a call.</summary>
    public string Command { get; set; } = "";

    /// <summary>The arguments as written: name=value, or a positional value.</summary>
    public string[] Arguments { get; set; } = System.Array.Empty<string>();

    public ScriptRisk Risk { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The command as written, on one line, shortened when long.</summary>
    public string Text { get; set; } = "";

    /// <summary>
    /// True for a path written alone that no line used as its menu: counted as a command (its last word the command)
    /// in case it is one the analyzer does not know; a warning says so.
    /// </summary>
    public bool MayBeMenu { get; set; }

    /// <summary>True for a [find ...] inside another command, which picks that command's entries: not counted as a command of its own.</summary>
    public bool IsSelector { get; set; }

    public override string ToString() => $"line {Line}: {Text}";
}
