using System;
using System.Management.Automation;
using Altostrat.Engine.Emulation;

namespace Altostrat.PowerShell.Errors;

/// <summary>Start-AltoEmulator's failures as error records: the launcher's message says why and what to do.</summary>
internal static class EmulatorErrors
{
    public static ErrorRecord StartFailed(EmulatorStartException exception) => exception.Problem switch
    {
        EmulatorStartProblem.NotInstalled => new ErrorRecord(exception, ErrorIds.Emulator.NotInstalled, ErrorCategory.NotInstalled, null),
        EmulatorStartProblem.RuntimeMissing => new ErrorRecord(exception, ErrorIds.Emulator.RuntimeMissing, ErrorCategory.NotInstalled, null),
        EmulatorStartProblem.PortInUse => new ErrorRecord(exception, ErrorIds.Emulator.PortInUse, ErrorCategory.ResourceBusy, null),
        EmulatorStartProblem.TimedOut => new ErrorRecord(exception, ErrorIds.Emulator.TimedOut, ErrorCategory.OperationTimeout, null),
        _ => new ErrorRecord(exception, ErrorIds.Emulator.Exited, ErrorCategory.ResourceUnavailable, null),
    };

    public static ErrorRecord Ended(AltoEmulator emulator) => new(
        new InvalidOperationException($"The emulator this session is connected to ({emulator.ApiUrl}, process {emulator.ProcessId}) is no longer running. " +
            "Run Start-AltoEmulator to start another, or Stop-AltoEmulator to forget this one."),
        ErrorIds.Emulator.Ended, ErrorCategory.ConnectionError, emulator.ApiUrl);
}
