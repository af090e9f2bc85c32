using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
/// Backup-AltoSite: asks each site for a new configuration backup (the API makes it asynchronously). With -Wait it
/// follows the sites' backup lists, with a progress bar, until the new file appears, and emits it.
/// </summary>
[Cmdlet(VerbsData.Backup, "AltoSite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(AltoBackupRequest), typeof(AltoBackup))]
public sealed class BackupAltoSiteCommand : AltoCmdlet
{
    private readonly List<string> _sites = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Seconds -Wait waits in all.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    [PSDefaultValue(Value = 300)]
    public int Timeout { get; set; } = 300;

    [Parameter]
    [ValidateRange(0.05, 300)]
    [PSDefaultValue(Value = 2.0)]
    public double PollIntervalSeconds { get; set; } = 2;

    [Parameter]
    [ValidateRange(1, 64)]
    [PSDefaultValue(Value = SiteFanOut.DefaultConcurrency)]
    public int ThrottleLimit { get; set; } = SiteFanOut.DefaultConcurrency;

    protected override void ProcessRecord()
    {
        foreach (var site in InputValidation.CleanIds(SiteId))
            if (!_sites.Contains(site) && ShouldProcess($"site {site}", "Request a configuration backup")) _sites.Add(site);
    }

    protected override void EndProcessing()
    {
        if (_sites.Count == 0) return;
        var client = RequireClient();
        Run(token => BackUpAsync(client, token));
    }

    private async Task BackUpAsync(AltoApiClient client, CancellationToken token)
    {
        // The newest backup before the request, so the new one is told apart from it.
        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        var requested = new List<string>();
        await SiteFanOut.RunAsync(_sites, ThrottleLimit, async (site, t) =>
        {
            string? previous = null;
            if (Wait) previous = (await client.GetLatestBackupEntryAsync(site, t).ConfigureAwait(false))?.Filename;
            var message = await client.RequestBackupAsync(site, t).ConfigureAwait(false);
            lock (requested) { before[site] = previous; requested.Add(site); }
            if (!Wait)
            {
                var request = new AltoBackupRequest { SiteId = site, RequestedAt = DateTimeOffset.Now, Message = message };
                Post(() => WriteObject(request));
            }
        }, (site, error) => Post(() => WriteError(ErrorRecords.From(error, site))), token).ConfigureAwait(false);
        if (!Wait || requested.Count == 0) return;

        var clock = Stopwatch.StartNew();
        var waiting = requested.ToList();
        var total = waiting.Count;
        while (true)
        {
            var done = new List<string>();
            await SiteFanOut.RunAsync(waiting, ThrottleLimit, async (site, t) =>
            {
                var latest = await client.GetLatestBackupEntryAsync(site, t).ConfigureAwait(false);
                if (latest is null || latest.Filename == before[site]) return;
                lock (done) done.Add(site);
                var backup = SdxMapper.ToBackup(site, latest);
                Post(() => WriteObject(backup));
            }, (site, error) =>
            {
                lock (done) done.Add(site);
                Post(() => WriteError(ErrorRecords.From(error, site)));
            }, token).ConfigureAwait(false);
            waiting.RemoveAll(done.Contains);
            var finished = total - waiting.Count;
            Post(() => WriteProgress(new ProgressRecord(1, "Backing up sites", $"{finished} of {total} sites backed up")
            {
                PercentComplete = finished * 100 / total,
                RecordType = waiting.Count == 0 ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            }));
            if (waiting.Count == 0) return;
            if (clock.Elapsed.TotalSeconds >= Timeout)
            {
                foreach (var site in waiting)
                    Post(() => WriteError(SdxErrors.Timeout(ErrorIds.Sdx.BackupTimedOut, $"Site '{site}' made no new backup within {Timeout} s.", site)));
                Post(() => WriteProgress(new ProgressRecord(1, "Backing up sites", "Timed out") { RecordType = ProgressRecordType.Completed }));
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(PollIntervalSeconds), token).ConfigureAwait(false);
        }
    }
}
