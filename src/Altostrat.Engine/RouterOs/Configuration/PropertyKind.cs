namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>How RouterOS compares a property's values, so that two spellings of one value are not reported as a change.</summary>
public enum PropertyKind
{
    /// <summary>Compared exactly, as RouterOS keeps names, comments and passwords.</summary>
    Text,

    /// <summary>An enumeration RouterOS reads case-insensitively and prints in lower case (action, protocol).</summary>
    Keyword,

    /// <summary>yes/no/true/false in any case.</summary>
    Boolean,

    /// <summary>A time span: 1w2d3h4m5s, 1d00:00:00, 00:05:00, 500ms, or plain seconds.</summary>
    Duration,

    /// <summary>A byte count: k/K/KiB = 1024, M/MiB = 1024², G/GiB = 1024³ (RouterOS sizes memory and disk in binary units).</summary>
    Size,

    /// <summary>A byte count whose plain number means KiB (RouterOS's <c>/ip/dns cache-size</c>).</summary>
    SizeInKibibytes,

    /// <summary>A bit rate: k = 1000, M = 10⁶, G = 10⁹ (RouterOS rates are decimal); <c>up/down</c> pairs compare per side.</summary>
    Rate,

    /// <summary>An integer; leading zeros and a plus sign do not matter.</summary>
    Number,

    /// <summary>An IP address or prefix where a host prefix (/32, /128) means the same as the bare address.</summary>
    Address,

    /// <summary>A comma list whose order does not matter and whose items are addresses, keywords or text (compared as addresses when they parse as one).</summary>
    Set,

    /// <summary>A comma list whose order RouterOS keeps and uses (DNS and NTP servers are tried in order).</summary>
    OrderedList,
}
