using System;

namespace Altostrat.Emulator.Routers;

/// <summary>A command failure the simulator answers with <c>!trap</c>.</summary>
public sealed class SimulatedTrap : Exception
{
    public SimulatedTrap(string message, int? category = null) : base(message) => Category = category;

    public int? Category { get; }

    public static SimulatedTrap NoSuchCommand(string word) => new($"no such command or directory ({word})", 0);

    public static SimulatedTrap NoSuchItem() => new("no such item", 0);

    public static SimulatedTrap UnknownParameter(string name) => new($"unknown parameter {name}", 1);
}
