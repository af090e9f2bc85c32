using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Backups;
using Altostrat.Engine.Http;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Cmdlets.Backups;

/// <summary>
/// Compare-AltoBackup: the differences between two backups of a site, a backup and a local .rsc, or the latest
/// backups of two sites, as objects (line number, +/-, text, menu) like Compare-Object; -Unified for a unified diff
/// (the API's own for two backups of a site). The export's comment header (date, software id, model, serial number) is
/// never a difference, and a wrapped line is compared whole (see <see cref="ExportDiff"/>).
/// </summary>
[Cmdlet(VerbsData.Compare, "AltoBackup", DefaultParameterSetName = BackupsSet)]
[OutputType(typeof(AltoBackupDiffLine), typeof(string))]
public sealed class CompareAltoBackupCommand : AltoCmdlet
{
    private const string BackupsSet = "Backups";
    private const string PathSet = "Path";
    private const string SitesSet = "Sites";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string SiteId { get; set; } = "";

    /// <summary>A piped backup (Get-AltoBackup) is the reference by its Filename: the latest is only for when none is named.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = BackupsSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Filename")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupFilenameCompleter))]
    public string? ReferenceFilename { get; set; }

    [Parameter(Mandatory = true, Position = 2, ParameterSetName = BackupsSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupFilenameCompleter))]
    public string DifferenceFilename { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string DifferencePath { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = SitesSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string DifferenceSiteId { get; set; } = "";

    [Parameter]
    public SwitchParameter Unified { get; set; }

    protected override void ProcessRecord()
    {
        string? localText = null;
        string? localPath = null;
        if (ParameterSetName == PathSet)
        {
            localPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DifferencePath);
            if (!File.Exists(localPath))
                ThrowTerminatingError(SdxErrors.InvalidArgument(ErrorIds.Sdx.InvalidDifferencePath,
                    $"The file '{localPath}' does not exist. Give the path of a RouterOS export (.rsc), e.g. one saved with Get-AltoBackup -OutFile.", DifferencePath));
            localText = File.ReadAllText(localPath);
        }
        var client = RequireClient();
        RunOrWriteError(token => CompareAsync(client, localText, localPath, token), SiteId);
    }

    private async Task CompareAsync(AltoApiClient client, string? localText, string? localPath, CancellationToken token)
    {
        if (ParameterSetName == BackupsSet && Unified)
        {
            var text = await client.GetBackupDiffAsync(SiteId, ReferenceFilename!, DifferenceFilename, token).ConfigureAwait(false);
            Post(() => WriteObject(text));
            return;
        }
        var (referenceName, reference) = await ReadAsync(client, SiteId, ReferenceFilename, token).ConfigureAwait(false);
        if (reference is null) { Post(() => WriteError(SdxErrors.NoBackup(SiteId))); return; }
        string differenceName;
        string? difference;
        switch (ParameterSetName)
        {
            case BackupsSet:
                (differenceName, difference) = await ReadAsync(client, SiteId, DifferenceFilename, token).ConfigureAwait(false);
                break;
            case SitesSet:
                (differenceName, difference) = await ReadAsync(client, DifferenceSiteId, null, token).ConfigureAwait(false);
                if (difference is null) { Post(() => WriteError(SdxErrors.NoBackup(DifferenceSiteId))); return; }
                break;
            default:
                (differenceName, difference) = (localPath!, localText!);
                break;
        }
        if (Unified)
        {
            var text = ExportDiff.Unified(reference, difference!, referenceName, differenceName);
            Post(() => WriteObject(text));
            return;
        }
        foreach (var line in ExportDiff.Compare(reference, difference!))
        {
            var item = SdxMapper.ToDiffLine(line, referenceName, differenceName);
            Post(() => WriteObject(item));
        }
    }

    /// <summary>A backup's label and content: the named one, or the latest when <paramref name="filename"/> is null.</summary>
    private static async Task<(string Name, string? Content)> ReadAsync(AltoApiClient client, string site, string? filename, CancellationToken token)
    {
        if (filename is null)
        {
            var latest = await client.GetLatestBackupEntryAsync(site, token).ConfigureAwait(false);
            if (latest is null) return (site, null);
            filename = latest.Filename;
        }
        var backup = await client.GetBackupAsync(site, filename, token).ConfigureAwait(false);
        return ($"{site}/{backup.Filename}", backup.Content ?? "");
    }

}
