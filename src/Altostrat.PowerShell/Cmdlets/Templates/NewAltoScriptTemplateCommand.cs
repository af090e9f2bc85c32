using System.Collections;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Cmdlets.Templates;

/// <summary>
/// New-AltoScriptTemplate: a private template from text or a .rsc file, with metadata. The API's limits (name 100,
/// description 200, content 5,000 characters) are checked before anything is sent.
/// </summary>
[Cmdlet(VerbsCommon.New, "AltoScriptTemplate", SupportsShouldProcess = true, DefaultParameterSetName = ContentSet, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(AltoScriptTemplate))]
public sealed class NewAltoScriptTemplateCommand : AltoCmdlet
{
    private const string ContentSet = "Content";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Description { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Script")]
    [AllowEmptyString]
    public string Content { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Hashtable? Metadata { get; set; }

    protected override void ProcessRecord()
    {
        var content = Content;
        if (ParameterSetName == PathSet)
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            content = TemplateInput.ReadFile(resolved, out var fileError)!;
            if (fileError is not null) ThrowTerminatingError(SdxErrors.InvalidArgument(ErrorIds.Sdx.InvalidTemplateFile, fileError, Path));
        }
        var request = new TemplateWriteRequest { Name = Name, Description = Description, Content = content, Metadata = TemplateInput.Metadata(Metadata) };
        var limitErrors = TemplateInput.LimitErrors(request, Name);
        if (limitErrors.Count > 0)
        {
            foreach (var limitError in limitErrors) WriteError(limitError);
            return;
        }
        if (!ShouldProcess($"template '{Name}'", "Create")) return;
        var analysis = Scripts.ScriptReview.Analyze(content);
        if (!analysis.IsValid) WriteWarning(Scripts.ScriptReview.TemplateWarning(analysis));
        var client = RequireClient();
        RunOrWriteError(async token =>
        {
            var created = SdxMapper.ToTemplate(await client.CreateTemplateAsync(request, token).ConfigureAwait(false));
            Post(() => WriteObject(created));
        }, Name);
    }
}
