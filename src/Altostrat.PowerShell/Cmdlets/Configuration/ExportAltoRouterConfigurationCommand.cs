using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.PowerShell.Configuration;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Cmdlets.Configuration;

/// <summary>
/// Export-AltoRouterConfiguration: writes the desired-state document of one router's menus to a .psd1 or .json file,
/// which Compare- and Set-AltoRouterConfiguration read back unchanged: the way to take a router under management.
/// </summary>
[Cmdlet(VerbsData.Export, "AltoRouterConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ComputerSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportAltoRouterConfigurationCommand : RouterCmdlet
{
    private List<string> _paths = new();
    private string _outFile = "";
    private bool _json;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.ConfigurationMenuCompleter))]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The file to write: .psd1 or .json, by its extension.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string OutFile { get; set; } = "";

    /// <summary>Refuses to replace an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        _paths = ConfigurationPaths.Check(this, Path, managedOnly: true);
        _outFile = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
        var extension = System.IO.Path.GetExtension(_outFile).ToLowerInvariant();
        if (extension is not (".psd1" or ".json"))
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Configuration.InvalidOutFile,
                $"-OutFile '{OutFile}' must end in .psd1 or .json: the extension says which document to write.", OutFile));
        // Checked before the router is read: a run that ends in a failed write would have read it for nothing.
        var folder = System.IO.Path.GetDirectoryName(_outFile);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            ThrowTerminatingError(ErrorRecords.OutFolderNotFound(ErrorIds.Configuration.InvalidOutFile, folder!, $"The folder '{folder}' of -OutFile does not exist.", OutFile));
        if (NoClobber && File.Exists(_outFile))
            ThrowTerminatingError(new ErrorRecord(new IOException($"'{_outFile}' exists and -NoClobber was given. Choose another -OutFile, or leave out -NoClobber to replace it."),
                ErrorIds.Configuration.InvalidOutFile, ErrorCategory.ResourceExists, OutFile));
        _json = extension == ".json";
        base.BeginProcessing();
    }

    protected override void EndProcessing()
    {
        if (Routers.Count > 1)
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Configuration.OneRouterPerFile,
                $"{Routers.Count} routers were given, and one file holds one router's document. Export them one at a time, e.g. " +
                "$routers | ForEach-Object { Export-AltoRouterConfiguration $_ -Path ... -OutFile \"$($_ -replace ':', '_').psd1\" }, or use Get-AltoRouterConfiguration -AsDesiredState.", null));
        if (Routers.Count == 0 || !ShouldProcess(_outFile, $"Write the desired state of {Routers.Targets[0].Name} ({string.Join(", ", _paths)})")) return;
        ReadFromRouters("Exporting configuration", _paths, (name, rows) =>
        {
            var warnings = new List<string>();
            var document = DesiredStateExport.Build(_paths, rows, warnings);
            var text = $"{(_json ? "" : $"# Desired state of {name} ({string.Join(", ", _paths)}), exported {DateTimeOffset.Now:u}\n")}" +
                (_json ? DesiredStateWriter.ToJson(document) : DesiredStateWriter.ToPowerShellData(document));
            File.WriteAllText(_outFile, text, new UTF8Encoding(false));
            Post(() =>
            {
                foreach (var warning in warnings) WriteWarning($"{name}: {warning}");
                // Through the provider, as Get-Item gives it: a bare FileInfo lacks the properties the file view shows.
                if (PassThru) WriteObject(InvokeProvider.Item.Get(new[] { _outFile }, force: false, literalPath: true), enumerateCollection: true);
            });
        });
    }
}
