using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using Altostrat.Engine.Emulation;
using Altostrat.Engine.Http;
using Altostrat.PowerShell.Emulation;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.Emulator;

/// <summary>
/// Starts the local SDX emulator that comes with the module, with simulated sites and routers, and connects this
/// session to it: everything can then be tried without an account or a router.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "AltoEmulator", SupportsShouldProcess = true)]
[OutputType(typeof(AltoEmulator))]
public sealed class StartAltoEmulatorCommand : AltoCmdlet
{
    [Parameter]
    [ValidateRange(1, 500)]
    [PSDefaultValue(Value = 5)]
    public int SiteCount { get; set; } = 5;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    [Parameter]
    [ValidateRange(0, 65535)]
    [PSDefaultValue(Help = "0: a free port")]
    public int Port { get; set; }

    [Parameter]
    [ValidatePattern(@"\A\d{1,2}\.\d{1,3}(\.\d{1,3})?\z")]
    public string? RouterVersion { get; set; }

    [Parameter]
    public SwitchParameter NoConnect { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    [PSDefaultValue(Value = 60)]
    public int TimeoutSeconds { get; set; } = 60;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DotnetPath { get; set; }

    protected override void EndProcessing()
    {
        var options = new EmulatorStartOptions(EmulatorRegistry.PackagedEmulatorDll)
        {
            SiteCount = SiteCount,
            Port = Port,
            RouterVersion = RouterVersion,
            DatabasePath = DatabasePath is null ? null : ResolveDatabasePath(DatabasePath),
            DotnetPath = DotnetPath is null ? null : FileSystemPath(DotnetPath),
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
        };
        using (var current = Process.GetCurrentProcess()) options.OwnerProcessId = current.Id;
        var what = $"a local SDX emulator with {SiteCount} simulated site(s)" + (options.DatabasePath is null ? "" : $", state in {options.DatabasePath}");
        if (!ShouldProcess(what, "Start")) return;

        EmulatorProcess? process = null;
        try
        {
            Run(async token => process = await EmulatorLauncher.StartAsync(options, token).ConfigureAwait(false));
        }
        catch (EmulatorStartException ex)
        {
            ThrowTerminatingError(EmulatorErrors.StartFailed(ex));
        }
        var emulator = EmulatorRegistry.Add(process!);
        WriteVerbose($"The emulator listens at {emulator.ApiUrl} (process {emulator.ProcessId}); its routers: {string.Join(", ", (object[])emulator.Routers)}.");
        if (!NoConnect)
        {
            ConnectionManager.Connect(new AltoApiOptions { ApiUrl = emulator.ApiUrl, Token = process!.Token }, "Emulator");
            WriteVerbose($"Connected to {emulator.ApiUrl}: the SDX cmdlets now work on the emulator, until Connect-Altostrat or Stop-AltoEmulator.");
        }
        WriteObject(emulator);
    }

    // A path of the file system, relative ones taken from the current file system location even where the current
    // location is another provider's (Variable:, Env:): the emulator is another process, with another current folder.
    private string FileSystemPath(string path)
    {
        var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider) || !Path.IsPathRooted(resolved))
            resolved = Path.GetFullPath(Path.Combine(SessionState.Path.CurrentFileSystemLocation.ProviderPath, path));
        return resolved;
    }

    private string ResolveDatabasePath(string path)
    {
        var resolved = FileSystemPath(path);
        var folder = Path.GetDirectoryName(resolved);
        if (Directory.Exists(resolved) || (folder is { Length: > 0 } && !Directory.Exists(folder)))
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Emulator.InvalidDatabasePath,
                Directory.Exists(resolved)
                    ? $"-DatabasePath '{resolved}' is a folder; give a file in it, such as '{Path.Combine(resolved, "emulator.db")}'."
                    : $"-DatabasePath '{resolved}' is in a folder that does not exist ('{folder}'); create the folder or choose another path.", path));
        return resolved;
    }
}
