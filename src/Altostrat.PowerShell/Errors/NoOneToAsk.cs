using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace Altostrat.PowerShell.Errors;

/// <summary>
/// A confirmation that a session cannot ask (pwsh -NonInteractive, a runbook, a host without a UI): the host's own
/// refusal does not say what to do instead, so the module's does, under one error id wherever it happens.
/// </summary>
internal static class NoOneToAsk
{
    // The switches of pwsh that take a value (the value is not a switch), and those after which the rest belongs to the script.
    // Declared before StartedNonInteractive, whose initializer reads them.
    private static readonly string[] TakesValue = { "executionpolicy", "ep", "ex", "workingdirectory", "wd", "configurationname", "outputformat", "of", "inputformat", "if", "windowstyle", "settingsfile", "custompipename" };
    private static readonly string[] EndsSwitches = { "command", "file", "commandwithargs", "cwa", "encodedcommand", "ec" };

    /// <summary>
    /// True when this process is PowerShell started with -NonInteractive (or an abbreviation of it, down to -noni):
    /// its host prints a prompt's text to the output and only then fails, so nothing should be asked at all.
    /// </summary>
    public static bool StartedNonInteractive { get; } = HasNonInteractiveSwitch(Environment.GetCommandLineArgs());

    internal static bool HasNonInteractiveSwitch(IReadOnlyList<string> arguments)
    {
        // The first is the program itself (pwsh, or pwsh.dll under dotnet).
        for (var i = 1; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var isSwitch = argument.StartsWith("-", StringComparison.Ordinal) || (argument.StartsWith("/", StringComparison.Ordinal) && Path.DirectorySeparatorChar == '\\');
            // A script file given by position: what follows is its own.
            if (!isSwitch) return false;
            var name = argument.TrimStart('-', '/');
            if (name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.OrdinalIgnoreCase)) return true;
            if (Matches(EndsSwitches, name)) return false;
            if (Matches(TakesValue, name)) i++;
        }
        return false;
    }

    private static bool Matches(string[] names, string name) =>
        name.Length > 0 && Array.Exists(names, known => known.Equals(name, StringComparison.OrdinalIgnoreCase) || (name.Length >= 3 && known.StartsWith(name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// ShouldProcess for a high-impact change, which asks under the default $ConfirmPreference: where no one can
    /// answer, the invocation ends with the module's error (<paramref name="what"/> is the change, as the start of a
    /// sentence) that says to run again with -Confirm:$false.
    /// </summary>
    public static bool ShouldProcess(Cmdlet cmdlet, string target, string action, string what, object? errorTarget) =>
        Ask(cmdlet, () => cmdlet.ShouldProcess(target, action), $"{what} is a high-impact change", "Run again with -Confirm:$false.", errorTarget);

    /// <summary>
    /// Puts <paramref name="question"/> (ShouldProcess or ShouldContinue) to the host; where no one can answer, ends
    /// the invocation with the module's error: <paramref name="what"/> needed the confirmation, <paramref name="instead"/>
    /// says how to go on without one.
    /// </summary>
    public static bool Ask(Cmdlet cmdlet, Func<bool> question, string what, string instead, object? target)
    {
        try
        {
            return question();
        }
        catch (Exception ex) when (Is(ex))
        {
            cmdlet.ThrowTerminatingError(Error(what, ex, instead, target));
            return false;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is a host saying it cannot prompt.</summary>
    public static bool Is(Exception exception) => exception is PSInvalidOperationException or HostException or NotImplementedException;

    /// <param name="what">What needed the confirmation, as the start of a sentence.</param>
    /// <param name="instead">How to go on without one.</param>
    public static ErrorRecord Error(string what, Exception exception, string instead, object? target) => new(
        new InvalidOperationException($"{what}, and this session cannot ask for confirmation ({exception.Message.TrimEnd('.')}). {instead}", exception),
        ErrorIds.Script.ConfirmationUnavailable, ErrorCategory.InvalidOperation, target);
}
