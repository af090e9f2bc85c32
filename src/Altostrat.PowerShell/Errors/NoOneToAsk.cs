using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace Altostrat.PowerShell.Errors;

/// <summary>
/// A confirmation that a session cannot ask (pwsh -NonInteractive, a runbook, a host without a UI): the host's own
/// refusal does not say what to do instead, so the module's does, under one error id wherever it happens.
/// </summary>
internal static class NoOneToAsk
{
    /// <summary>
    /// True when this process is PowerShell started with -NonInteractive (or an abbreviation of it, down to -noni):
    /// its host prints a prompt's text to the output and only then fails, so nothing should be asked at all.
    /// </summary>
    public static bool StartedNonInteractive { get; } = HasNonInteractiveSwitch(Environment.GetCommandLineArgs());

    internal static bool HasNonInteractiveSwitch(IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            var name = argument.TrimStart('-', '/');
            if (name.Length >= 4 && name.Length < argument.Length && "noninteractive".StartsWith(name, StringComparison.OrdinalIgnoreCase)) return true;
            // Everything after -Command or -File belongs to the script, not to PowerShell.
            if (name.Length > 0 && name.Length < argument.Length && ("command".StartsWith(name, StringComparison.OrdinalIgnoreCase) || "file".StartsWith(name, StringComparison.OrdinalIgnoreCase))) return false;
        }
        return false;
    }

    /// <summary>Whether <paramref name="exception"/> is a host saying it cannot prompt.</summary>
    public static bool Is(Exception exception) => exception is PSInvalidOperationException or HostException or NotImplementedException;

    /// <param name="what">What needed the confirmation, as the start of a sentence.</param>
    /// <param name="instead">How to go on without one.</param>
    public static ErrorRecord Error(string what, Exception exception, string instead, object? target) => new(
        new InvalidOperationException($"{what}, and this session cannot ask for confirmation ({exception.Message.TrimEnd('.')}). {instead}", exception),
        ErrorIds.Script.ConfirmationUnavailable, ErrorCategory.InvalidOperation, target);
}
