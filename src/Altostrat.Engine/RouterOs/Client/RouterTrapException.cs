using System.Globalization;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>The router answered a command with <c>!trap</c>: it refused or failed it. The connection stays usable.</summary>
public sealed class RouterTrapException : RouterException
{
    public RouterTrapException(string host, string commandPath, string routerMessage, RouterTrapCategory? category)
        : base($"{host} refused {commandPath}: {routerMessage}")
    {
        Host = host;
        CommandPath = commandPath;
        RouterMessage = routerMessage;
        Category = category;
    }

    public string Host { get; }

    public string CommandPath { get; }

    /// <summary>The router's own <c>=message=</c>.</summary>
    public string RouterMessage { get; }

    /// <summary>The trap's category; null when the router sent none.</summary>
    public RouterTrapCategory? Category { get; }

    internal static RouterTrapCategory? ParseCategory(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? (RouterTrapCategory)value : null;
}
