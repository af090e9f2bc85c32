using System;
using System.Collections.Generic;
using System.Management.Automation;
using Altostrat.Engine.Sdx;
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
    [PSDefaultValue(Help = "0 (no limit)")]
    public int Timeout { get; set; }

    private protected override bool HoldsErrorsUnderStop => false;

    [Parameter]
    [ValidateRange(0.05, 300)]
    [PSDefaultValue(Value = 2.0)]
    public double PollIntervalSeconds { get; set; } = 2;

    private readonly List<string> _ids = new();
    // The scripts already said to be unable to launch, so that each is said once, not every round.
    private readonly HashSet<string> _toldUnauthorized = new(StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        foreach (var id in Id) if (!_ids.Contains(id)) _ids.Add(id);
    }

    protected override void EndProcessing()
    {
        var client = RequireClient();
        var watcher = new ScheduledScriptWatcher(client, TimeSpan.FromSeconds(PollIntervalSeconds), Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : null);
        RunOrThrow(token => watcher.WaitForSitesAsync(_ids, e => Post(() => Report(e)), token), null);
    }

    private void Report(ScheduledScriptEvent e)
    {
        var id = e.Id;
        var activity = new ProgressRecord(_ids.IndexOf(id) + 1, $"Scheduled script {id}", "Finished");
        switch (e.Kind)
        {
            case ScheduledScriptEventKind.Failed:
                // One script that cannot be followed must not hide the others.
                WriteError(ErrorRecords.From(e.Error!, id));
                return;
            case ScheduledScriptEventKind.Waiting:
                activity.StatusDescription = $"{e.Done} of {e.Total} sites done, {e.Progress!.Failed.Count} failed (status {e.Status ?? "unknown"})";
                activity.PercentComplete = e.Total == 0 ? 0 : e.Done * 100 / e.Total;
                WriteProgress(activity);
                if (e.IsUnauthorizedPastLaunch(DateTimeOffset.Now) && _toldUnauthorized.Add(id))
                    WriteWarning($"Scheduled script '{id}' is still unauthorized and its launch time ({e.LaunchAt!.Value:u}) has passed: " +
                                 $"it cannot launch until it is approved (Approve-AltoScheduledScript -Id {id}). The wait goes on{(Timeout > 0 ? $" until -Timeout ({Timeout} s)" : " without a limit; Ctrl+C or -Timeout ends it")}.");
                return;
            case ScheduledScriptEventKind.Finished:
                activity.RecordType = ProgressRecordType.Completed;
                WriteProgress(activity);
                break;
            case ScheduledScriptEventKind.Cancelled:
                WriteError(new ErrorRecord(new InvalidOperationException($"Scheduled script '{id}' was cancelled; its {e.Progress!.Pending.Count} pending site(s) will not run."),
                    ErrorIds.Sdx.ScheduledScriptCancelled, ErrorCategory.OperationStopped, id));
                break;
            case ScheduledScriptEventKind.TimedOut:
                // A script still waiting for approval will never start by waiting: say so rather than only "pending".
                var why = string.Equals(e.Status, "unauthorized", StringComparison.OrdinalIgnoreCase)
                    ? $" It is still unauthorized, so it cannot launch: request approval with Approve-AltoScheduledScript -Id {id}."
                    : e.Status is { } status ? $" Its status is {status}." : "";
                WriteError(new ErrorRecord(new TimeoutException($"Scheduled script '{id}' still has {e.Progress!.Pending.Count} of {e.Total} site(s) pending after {Timeout} s.{why}"),
                    ErrorIds.Sdx.WaitTimedOut, ErrorCategory.OperationTimeout, id));
                break;
        }
        foreach (var site in Mapper.ToProgress(id, e.Progress!)) WriteObject(site);
    }
}
