using System;
using System.Collections.Generic;
using System.Management.Automation;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>Get-AltoScheduledScript: lists scheduled scripts, streaming each as it is parsed, filtered by id, status or description.</summary>
[Cmdlet(VerbsCommon.Get, "AltoScheduledScript")]
[OutputType(typeof(AltoScheduledScript))]
public sealed class GetAltoScheduledScriptCommand : AltoCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ScheduledScriptId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduledScriptIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Unknown is what an unrecognised status maps to, not one to ask for: Tab and validation leave it out.</summary>
    [Parameter]
    [ValidateSet("Unauthorized", "Scheduled", "Launched", "Cancelled", IgnoreCase = true)]
    public ScheduledScriptStatus[]? Status { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Description { get; set; }

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        if (Id is not null) foreach (var id in Id) _ids.Add(id);
    }

    protected override void EndProcessing()
    {
        // Piped input that named no script (an empty array, objects that did not bind) asks for nothing: listing
        // every script then would hand the whole account to the next command in the pipeline (Stop-AltoScheduledScript).
        if (_ids.Count == 0 && MyInvocation.ExpectingInput) return;
        var client = RequireClient();
        var statuses = Status is null ? null : new HashSet<ScheduledScriptStatus>(Status);
        var description = Description is null ? null : new WildcardPattern(Description, WildcardOptions.IgnoreCase);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        RunOrThrow(token => client.ListScheduledScriptsAsync(dto =>
        {
            if (_ids.Count > 0 && !_ids.Contains(dto.Id)) return;
            existing.Add(dto.Id);
            var script = Mapper.ToScheduledScript(dto);
            if (statuses is not null && !statuses.Contains(script.Status)) return;
            if (description is not null && !description.IsMatch(script.Description)) return;
            Post(() => WriteObject(script));
        }, token), null);

        // An id the filters left out is not an error; an id the account does not have is.
        foreach (var id in _ids)
            if (!existing.Contains(id)) WriteError(ErrorRecords.ScheduledScriptNotFound(id));
    }
}
