namespace Altostrat.PowerShell.Routers;

/// <summary>The warning for work that safe mode undid, the same for a script and a desired state.</summary>
internal static class SafeModeWarning
{
    /// <param name="undone">What happened, as a sentence's start: "the script was undone", "the changes were rolled back".</param>
    public static string For(string computerName, string undone, SafeModeOutcome outcome, string? reason) =>
        $"{computerName}: {undone} ({outcome}){(reason is { Length: > 0 } given ? ": " + given.TrimEnd('.') : "")}" +
        // The module saw its session drop; the router reverts once it notices that too, and a change that cut the
        // module off may keep it out until then.
        (outcome == SafeModeOutcome.RolledBackByRouter
            ? ". The router reverts the changes once it notices the session is gone; it may not answer until it has."
            : "");
}
