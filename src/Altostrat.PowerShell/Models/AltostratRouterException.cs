using System;

namespace Altostrat.PowerShell;

/// <summary>
/// A router refused a command, a login or a connection. Catch it by type; <see cref="RouterMessage"/> is the
/// router's own text and <see cref="TrapCategory"/> the category of its <c>!trap</c>, when there was one.
/// </summary>
public sealed class AltostratRouterException : Exception
{
    public AltostratRouterException(string message, string computerName, string? routerMessage, string? trapCategory)
        : base(message)
    {
        ComputerName = computerName;
        RouterMessage = routerMessage;
        TrapCategory = trapCategory;
    }

    public string ComputerName { get; }
    public string? RouterMessage { get; }
    public string? TrapCategory { get; }
}
