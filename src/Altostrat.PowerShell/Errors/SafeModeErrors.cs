using System;
using System.Management.Automation;

namespace Altostrat.PowerShell.Errors;

/// <summary>
/// The error for work that safe mode undid, the same for a script and a desired state: what was asked for did not
/// happen on that router, so a runbook must see it as a failure (an error, not only a warning it may silence).
/// </summary>
internal static class SafeModeErrors
{
    /// <param name="id">The error id of the cmdlet's kind of work.</param>
    /// <param name="undone">What happened, as a sentence's start: "the script was undone", "the changes were rolled back".</param>
    /// <param name="cause">What made safe mode undo it: the refused command, or the lost session.</param>
    public static ErrorRecord RolledBack(string id, string computerName, string undone, SafeModeOutcome outcome, Exception? cause)
    {
        var reason = cause?.Message;
        var message = $"{computerName}: {undone} ({outcome}){(reason is { Length: > 0 } given ? ": " + given.TrimEnd('.') : "")}." +
            // The module saw its session drop; the router reverts once it notices that too, and a change that cut the
            // module off may keep it out until then.
            (outcome == SafeModeOutcome.RolledBackByRouter
                ? " The router reverts the changes once it notices the session is gone; it may not answer until it has."
                : "");
        return new ErrorRecord(new InvalidOperationException(message, cause), id, ErrorCategory.OperationStopped, computerName);
    }
}
