using System.Collections.Generic;

namespace Altostrat.Emulator.Routers;

/// <summary>What a successful command answers: its rows (each becomes <c>!re</c>) and the <c>=ret=</c> of <c>!done</c>.</summary>
public sealed class CommandOutcome
{
    public static CommandOutcome Done { get; } = new(new List<IReadOnlyList<KeyValuePair<string, string>>>(), null);

    public CommandOutcome(List<IReadOnlyList<KeyValuePair<string, string>>> rows, string? ret)
    {
        Rows = rows;
        Ret = ret;
    }

    public List<IReadOnlyList<KeyValuePair<string, string>>> Rows { get; }

    public string? Ret { get; }

    public static CommandOutcome Returning(string ret) => new(new List<IReadOnlyList<KeyValuePair<string, string>>>(), ret);
}
