using System;
using System.Management.Automation;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Validation;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.Templates;

/// <summary>
/// Get-AltoScriptTemplate: templates by id, or all of a scope (global, own, or both), following the API's pages
/// and streaming each template as its page arrives; -Name filters by wildcard.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AltoScriptTemplate", DefaultParameterSetName = ListSet)]
[OutputType(typeof(AltoScriptTemplate))]
public sealed class GetAltoScriptTemplateCommand : AltoCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TemplateId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TemplateIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [PSDefaultValue(Help = "All")]
    public AltoTemplateScope Scope { get; set; } = AltoTemplateScope.All;

    protected override void ProcessRecord()
    {
        var client = RequireClient();
        if (ParameterSetName == ListSet)
        {
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var matched = false;
            string? idOfName = null;
            RunOrThrow(async token =>
            {
                void Emit(Altostrat.Engine.Contracts.TemplateDto dto)
                {
                    if (string.Equals(dto.Id, Name, StringComparison.OrdinalIgnoreCase)) idOfName = dto.Id;
                    if (pattern is not null && !pattern.IsMatch(dto.Name)) return;
                    matched = true;
                    var template = SdxMapper.ToTemplate(dto);
                    Post(() => WriteObject(template));
                }
                if (Scope != AltoTemplateScope.Private) await client.ListTemplatesAsync(true, Emit, token).ConfigureAwait(false);
                if (Scope != AltoTemplateScope.Public) await client.ListTemplatesAsync(false, Emit, token).ConfigureAwait(false);
            }, Name);
            if (!matched && Name is not null && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorRecords.NameNotFound("template", Name, "Get-AltoScriptTemplate", "Id", idOfName));
            return;
        }
        foreach (var id in InputValidation.CleanIds(Id))
        {
            RunOrWriteError(async token =>
            {
                var template = SdxMapper.ToTemplate(await client.GetTemplateAsync(id, token).ConfigureAwait(false));
                Post(() => WriteObject(template));
            }, id);
        }
    }
}
