using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Http;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Validation;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.Backups;

/// <summary>
/// Get-AltoBackup: the configuration backups of sites, newest first; or one backup with its content, by filename or
/// the latest of each site, optionally saved with -OutFile. Several sites at once, each streamed as it answers.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AltoBackup", DefaultParameterSetName = ListSet)]
[OutputType(typeof(AltoBackup))]
public sealed class GetAltoBackupCommand : AltoCmdlet
{
    private const string ListSet = "List";
    private const string FilenameSet = "Filename";
    private const string LatestSet = "Latest";

    private readonly List<string> _sites = new();
    private readonly List<(string Site, string Filename)> _files = new();
    private string? _outPath;
    private bool _outIsDirectory;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = FilenameSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupFilenameCompleter))]
    public string Filename { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = LatestSet)]
    public SwitchParameter Latest { get; set; }

    /// <summary>A file for one backup, or a directory for many (each saved as SiteId_Filename).</summary>
    [Parameter(ParameterSetName = FilenameSet)]
    [Parameter(ParameterSetName = LatestSet)]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    [PSDefaultValue(Value = SiteFanOut.DefaultConcurrency)]
    public int ThrottleLimit { get; set; } = SiteFanOut.DefaultConcurrency;

    protected override void BeginProcessing()
    {
        if (OutFile is null) return;
        _outPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
        _outIsDirectory = Directory.Exists(_outPath);
        if (_outIsDirectory || File.Exists(_outPath)) return;
        // A path written as a folder (./backups/) is one, however many backups come; anything else may still be the
        // file for a single backup, which EndProcessing decides once the sites are counted. Either way what must
        // exist is known now, before any request is sent.
        if (EndsInSeparator(OutFile))
            ThrowTerminatingError(FolderNotFound(_outPath, $"The folder '{_outPath}' of -OutFile does not exist."));
        var parent = Path.GetDirectoryName(_outPath);
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
            ThrowTerminatingError(FolderNotFound(parent!, $"The folder '{parent}' of -OutFile '{_outPath}' does not exist."));
    }

    protected override void ProcessRecord()
    {
        foreach (var site in InputValidation.CleanIds(SiteId))
        {
            if (ParameterSetName == FilenameSet) { if (!_files.Contains((site, Filename))) _files.Add((site, Filename)); }
            else if (!_sites.Contains(site)) _sites.Add(site);
        }
    }

    protected override void EndProcessing()
    {
        var count = ParameterSetName == FilenameSet ? _files.Count : _sites.Count;
        if (count == 0) return;
        // Several backups need a folder. Checked here, where the piped sites are counted, and still before any request.
        if (_outPath is not null && !_outIsDirectory && count > 1)
            ThrowTerminatingError(File.Exists(_outPath)
                ? SdxErrors.InvalidArgument(ErrorIds.Sdx.InvalidOutFile,
                    $"-OutFile '{_outPath}' is a file, but {count} backups are asked for: give a folder to save each in as SiteId_Filename.", OutFile)
                : FolderNotFound(_outPath, $"The folder '{_outPath}' of -OutFile does not exist, and {count} backups are asked for, each saved in it as SiteId_Filename."));
        var client = RequireClient();
        if (ParameterSetName == ListSet)
        {
            Run(token => SiteFanOut.RunAsync(_sites, ThrottleLimit, (site, t) =>
                client.ListBackupsAsync(site, dto =>
                {
                    var backup = SdxMapper.ToBackup(site, dto);
                    Post(() => WriteObject(backup));
                    return true;
                }, t), (site, error) => Post(() => WriteError(ErrorRecords.From(error, site))), token));
            return;
        }
        if (ParameterSetName == LatestSet)
        {
            Run(token => SiteFanOut.RunAsync(_sites, ThrottleLimit, async (site, t) =>
            {
                var latest = await client.GetLatestBackupEntryAsync(site, t).ConfigureAwait(false);
                if (latest is null) { Post(() => WriteError(SdxErrors.NoBackup(site))); return; }
                await EmitAsync(client, site, latest.Filename, t).ConfigureAwait(false);
            }, (site, error) => Post(() => WriteError(ErrorRecords.From(error, site))), token));
            return;
        }
        var sites = new List<string>();
        for (var i = 0; i < _files.Count; i++) sites.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Run(token => SiteFanOut.RunAsync(sites, ThrottleLimit, (index, t) =>
        {
            var (site, filename) = _files[int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)];
            return EmitAsync(client, site, filename, t);
        }, (index, error) => Post(() => WriteError(ErrorRecords.From(error, _files[int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)].Filename))), token));
    }

    private ErrorRecord FolderNotFound(string folder, string problem) => ErrorRecords.OutFolderNotFound(ErrorIds.Sdx.InvalidOutFile, folder, problem, OutFile);

    private static bool EndsInSeparator(string path) => path.EndsWith("/", StringComparison.Ordinal) || path.EndsWith("\\", StringComparison.Ordinal);

    private async Task EmitAsync(AltoApiClient client, string site, string filename, CancellationToken token)
    {
        var backup = SdxMapper.ToBackup(site, await client.GetBackupAsync(site, filename, token).ConfigureAwait(false));
        if (_outPath is not null)
        {
            var path = _outIsDirectory ? Path.Combine(_outPath, SafeFileName.From(site + "_" + Path.GetFileName(backup.Filename))) : _outPath;
            File.WriteAllText(path, backup.Content ?? "");
            backup.SavedTo = path;
        }
        Post(() => WriteObject(backup));
    }
}
