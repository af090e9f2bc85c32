using System;
using System.Management.Automation;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>
/// Approve-AltoScheduledScript: starts the authorization workflow (approval links go to the notify users).
/// With -Wait it follows the script until someone approves it and emits the scheduled script.
/// </summary>
[Cmdlet(VerbsLifecycle.Approve, "AltoScheduledScript", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AltoScheduledScript))]
public sealed class ApproveAltoScheduledScriptCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ScheduledScriptId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PendingScheduledScriptIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Seconds to wait for the approval with -Wait; 0 waits without limit.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    [PSDefaultValue(Help = "0 (no limit)")]
    public int Timeout { get; set; }

    [Parameter]
    [ValidateRange(0.05, 300)]
    [PSDefaultValue(Value = 2.0)]
    public double PollIntervalSeconds { get; set; } = 2;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (!Wait && (MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) || MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSeconds))))
            WriteWarning("-Timeout and -PollIntervalSeconds apply only with -Wait: this requests the approval and returns at once.");
    }

    protected override void ProcessRecord()
    {
        var client = RequireClient();
        var watcher = new ScheduledScriptWatcher(client, TimeSpan.FromSeconds(PollIntervalSeconds), Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : null);
        foreach (var id in Id)
        {
            if (!ShouldProcess($"scheduled script {id}", "Request authorization (approval links go to the notify users)")) continue;
            RunOrWriteError(async token =>
            {
                await client.RequestAuthorizationAsync(id, token).ConfigureAwait(false);
                Post(() => WriteVerbose($"Authorization requested for {id}."));
                if (!Wait)
                {
                    if (PassThru && await client.FindScheduledScriptAsync(id, token).ConfigureAwait(false) is { } requested)
                        Post(() => WriteObject(Mapper.ToScheduledScript(requested)));
                    return;
                }
                var activity = $"Waiting for approval of {id}";
                var outcome = await watcher.WaitForApprovalAsync(id, (status, waited) =>
                    Post(() => WriteProgress(new ProgressRecord(1, activity, $"Status {status}; waited {(int)waited.TotalSeconds} s"))), token).ConfigureAwait(false);
                Post(() => Report(id, activity, outcome));
            }, id);
        }
    }

    private void Report(string id, string activity, ApprovalOutcome outcome)
    {
        if (outcome.Approved)
        {
            WriteProgress(new ProgressRecord(1, activity, "Approved") { RecordType = ProgressRecordType.Completed });
            WriteObject(Mapper.ToScheduledScript(outcome.Script));
        }
        else if (outcome.Cancelled)
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"Scheduled script '{id}' was cancelled while waiting for its approval."),
                ErrorIds.Sdx.ScheduledScriptCancelled, ErrorCategory.OperationStopped, id));
        }
        else
        {
            WriteError(new ErrorRecord(new TimeoutException($"Scheduled script '{id}' was not approved within {Timeout} s; it is still {outcome.Script.Status}. The approval links stay valid: run Approve-AltoScheduledScript -Id {id} -Wait again to keep waiting."),
                ErrorIds.Sdx.ApprovalTimedOut, ErrorCategory.OperationTimeout, id));
        }
    }
}
