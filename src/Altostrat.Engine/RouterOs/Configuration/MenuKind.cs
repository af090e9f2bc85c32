namespace Altostrat.Engine.RouterOs.Configuration;

public enum MenuKind
{
    /// <summary>One set of settings, no entries: <c>/system/identity</c>, <c>/ip/dns</c>.</summary>
    SingleValue,

    /// <summary>Entries that can be added, changed, removed and (where order matters) moved.</summary>
    List,

    /// <summary>Entries that exist because the hardware or the system makes them (interfaces, services): changed only, never added or removed.</summary>
    FixedList,
}
