namespace Altostrat.Emulator.Routers;

/// <summary>How a router property's value is checked and normalised: what a print returns is not always what was set.</summary>
public enum RouterValueKind
{
    /// <summary>Kept as given.</summary>
    Text,

    /// <summary><c>yes</c>/<c>no</c>/<c>true</c>/<c>false</c>, printed as <c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number (ports, MTU, distance).</summary>
    Integer,

    /// <summary>A time span (<c>1d00:00:00</c>, <c>90</c>, <c>1h30m</c>), printed in RouterOS's short form (<c>1d</c>, <c>1m30s</c>, <c>1h30m</c>).</summary>
    Duration,

    /// <summary>A size in KiB (<c>2048</c>, <c>2M</c>, <c>2MiB</c>), printed as <c>2048KiB</c>.</summary>
    Size,

    /// <summary>A comma-separated list, kept in the order given with spaces and empty parts dropped.</summary>
    List,

    /// <summary>A script or user-group policy list: printed in the router's own fixed order, whatever order it was set in.</summary>
    PolicyList,
}
