using System;
using System.Collections.Generic;
using System.Management.Automation;
using Altostrat.PowerShell.Emulation;

namespace Altostrat.PowerShell.Cmdlets.Emulator;

/// <summary>Stops emulators that Start-AltoEmulator started: those given, or else every one this session started.</summary>
[Cmdlet(VerbsLifecycle.Stop, "AltoEmulator", SupportsShouldProcess = true)]
[OutputType(typeof(AltoEmulator))]
public sealed class StopAltoEmulatorCommand : PSCmdlet
{
    private readonly List<AltoEmulator> _given = new();

    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public AltoEmulator[]? InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is not null) _given.AddRange(InputObject);
    }

    protected override void EndProcessing()
    {
        // Given none: every emulator this session started, those that ended by themselves too (killed from outside),
        // so that the session stops using their port.
        var targets = MyInvocation.BoundParameters.ContainsKey(nameof(InputObject)) || MyInvocation.ExpectingInput ? _given : EmulatorRegistry.All();
        if (targets.Count == 0) WriteVerbose("No emulator started by this session is running.");
        foreach (var emulator in targets)
        {
            if (!ShouldProcess($"the emulator at {emulator.ApiUrl} (process {emulator.ProcessId})", "Stop")) continue;
            if (EmulatorRegistry.Stop(emulator)) WriteVerbose($"Stopped the emulator at {emulator.ApiUrl}.");
            else WriteVerbose($"The emulator at {emulator.ApiUrl} had already stopped.");
            if (PassThru) WriteObject(emulator);
        }
    }
}
