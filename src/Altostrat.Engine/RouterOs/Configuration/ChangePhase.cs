namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// The order changes run in, so that a router is not locked out when that can be avoided. Changes of one phase are
/// independent of each other and are sent together (pipelined); a phase starts when the one before has finished.
/// </summary>
public enum ChangePhase
{
    /// <summary>
    /// Additions that keep or give access (addresses, routes, users, accept rules), before anything is taken away; and
    /// every other firewall rule, so that rules are added in the document's order.
    /// </summary>
    AccessAdd = 0,

    Remove = 1,

    Set = 2,

    Add = 3,

    /// <summary>Last: moves refer to the ids the additions returned.</summary>
    Move = 4,
}
