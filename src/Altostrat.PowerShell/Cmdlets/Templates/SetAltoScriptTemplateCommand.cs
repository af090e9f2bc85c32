using System.Collections;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Cmdlets.Templates;

/// <summary>
/// Set-AltoScriptTemplate: changes only what is given of one of your own templates (the API takes every field, so
/// the rest is read first). A global or read-only template is refused before the change is sent.
/// </summary>
[Cmdlet(VerbsCommon.Set, "AltoScriptTemplate", SupportsShouldProcess = true, DefaultParameterSetName = ContentSet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AltoScriptTemplate))]
public sealed class SetAltoScriptTemplateCommand : AltoCmdlet
{
    private const string ContentSet = "Content";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TemplateId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TemplateIdCompleter))]
    public string Id { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Description { get; set; }

    [Parameter(ParameterSetName = ContentSet)]
    [Alias("Script")]
    [ValidateNotNullOrEmpty]
    public string? Content { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter]
    public Hashtable? Metadata { get; set; }

    protected override void ProcessRecord()
    {
        var content = Content;
        if (ParameterSetName == PathSet)
        {
            content = TemplateInput.ReadFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), out var fileError);
            if (fileError is not null) ThrowTerminatingError(SdxErrors.InvalidArgument(ErrorIds.Sdx.InvalidTemplateFile, fileError, Path));
        }
        if (Name is null && Description is null && content is null && Metadata is null)
            ThrowTerminatingError(SdxErrors.InvalidArgument(ErrorIds.Sdx.NothingToChange,
                "Give at least one of -Name, -Description, -Content (or -Path) and -Metadata: Set-AltoScriptTemplate changes only what is given.", Id));

        var client = RequireClient();
        TemplateDto? existing = null;
        if (!RunOrWriteError(async token => existing = await client.GetTemplateAsync(Id, token).ConfigureAwait(false), Id)) return;
        var current = SdxMapper.ToTemplate(existing!);
        if (current.ReadOnly || current.IsGlobal)
        {
            WriteError(SdxErrors.TemplateReadOnly(current));
            return;
        }
        var request = new TemplateWriteRequest
        {
            Name = Name ?? existing!.Name,
            Description = Description ?? existing!.Description ?? "",
            Content = content ?? existing!.Content,
            Metadata = Metadata is null ? existing!.MetadataValues() : TemplateInput.Metadata(Metadata),
        };
        var limitErrors = TemplateInput.LimitErrors(request, Id);
        if (limitErrors.Count > 0)
        {
            foreach (var limitError in limitErrors) WriteError(limitError);
            return;
        }
        if (!ShouldProcess(Altostrat.Engine.Text.TerminalText.Safe($"template {Id} ({existing!.Name})"), "Update")) return;
        if (content is not null && Scripts.ScriptReview.Analyze(content) is { IsValid: false } analysis)
            WriteWarning(Scripts.ScriptReview.TemplateWarning(analysis));
        RunOrWriteError(async token =>
        {
            var updated = SdxMapper.ToTemplate(await client.UpdateTemplateAsync(Id, request, token).ConfigureAwait(false));
            Post(() => WriteObject(updated));
        }, Id);
    }
}
