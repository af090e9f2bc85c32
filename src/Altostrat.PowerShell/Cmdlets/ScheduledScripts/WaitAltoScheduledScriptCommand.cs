using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Http;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>
/// Wait-AltoScheduledScript: follows scheduled scripts until no site is pending, with a progress bar, then emits
/// each site's final state (so failures can be piped on).
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "AltoScheduledScript")]
[OutputType(typeof(AltoScheduledScriptProgress))]
public sealed class WaitAltoScheduledScriptCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ScheduledScriptId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduledScriptIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>Seconds to wait in all; 0 waits without limit.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Timeout { get; set; }

    [Parameter]
    [ValidateRange(0.05, 300)]
    public double PollIntervalSeconds { get; set; } = 2;

    private readonly List<string> _ids = new();

    protected override void ProcessRecord()
    {
        foreach (var id in Id) if (!_ids.Contains(id)) _ids.Add(id);
    }

    protected override void EndProcessing()
    {
        var client = RequireClient();
        RunOrThrow(token => WaitAllAsync(client, token), null);
    }

    private async Task WaitAllAsync(AltoApiClient client, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        var waiting = new List<string>(_ids);
        while (waiting.Count > 0)
        {
            // Progress per script; then, for those still pending, their status (cancelled or not) in one scan of
            // the list for all of them, as the API has no GET of one script.
            var pending = new List<(string Id, ScriptProgressDto Progress)>();
            foreach (var id in waiting)
            {
                ScriptProgressDto progress;
                try
                {
                    progress = await client.GetProgressAsync(id, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsEngineFailure(ex))
                {
                    // One script that cannot be followed must not hide the others.
                    Post(() => WriteError(ErrorRecords.From(ex, id)));
                    continue;
                }
                if (progress.Pending.Count == 0)
                {
                    Post(() => WriteProgress(new ProgressRecord(ActivityId(id), $"Scheduled script {id}", "Finished") { RecordType = ProgressRecordType.Completed }));
                    Emit(id, progress);
                    continue;
                }
                pending.Add((id, progress));
            }
            // No request when nothing is pending.
            var scripts = await client.FindScheduledScriptsAsync(pending.Select(p => p.Id), token).ConfigureAwait(false);

            var stillWaiting = new List<string>();
            foreach (var (id, progress) in pending)
            {
                var total = progress.Completed.Count + progress.Failed.Count + progress.Pending.Count;
                var done = total - progress.Pending.Count;
                scripts.TryGetValue(id, out var script);
                if (script is not null && Mapper.ParseStatus(script.Status) == ScheduledScriptStatus.Cancelled)
                {
                    Post(() => WriteError(new ErrorRecord(new InvalidOperationException($"Scheduled script '{id}' was cancelled; its {progress.Pending.Count} pending site(s) will not run."),
                        ErrorIds.Sdx.ScheduledScriptCancelled, ErrorCategory.OperationStopped, id)));
                    Emit(id, progress);
                    continue;
                }
                if (Timeout > 0 && watch.Elapsed.TotalSeconds >= Timeout)
                {
                    Post(() => WriteError(new ErrorRecord(new TimeoutException($"Scheduled script '{id}' still has {progress.Pending.Count} of {total} site(s) pending after {Timeout} s."),
                        ErrorIds.Sdx.WaitTimedOut, ErrorCategory.OperationTimeout, id)));
                    Emit(id, progress);
                    continue;
                }
                var status = script?.Status ?? "unknown";
                var percent = total == 0 ? 0 : done * 100 / total;
                Post(() => WriteProgress(new ProgressRecord(ActivityId(id), $"Scheduled script {id}",
                    $"{done} of {total} sites done, {progress.Failed.Count} failed (status {status})") { PercentComplete = percent }));
                stillWaiting.Add(id);
            }
            waiting = stillWaiting;
            if (waiting.Count > 0) await Task.Delay(TimeSpan.FromSeconds(PollIntervalSeconds), token).ConfigureAwait(false);
        }
    }

    private int ActivityId(string id) => _ids.IndexOf(id) + 1;

    private void Emit(string id, ScriptProgressDto progress)
    {
        foreach (var site in Mapper.ToProgress(id, progress).ToList()) Post(() => WriteObject(site));
    }
}
