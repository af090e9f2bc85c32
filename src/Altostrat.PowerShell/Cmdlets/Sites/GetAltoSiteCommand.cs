using System;
using System.Management.Automation;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;

namespace Altostrat.PowerShell.Cmdlets.Sites;

/// <summary>Get-AltoSite: the sites (routers) of the account, all or by id, optionally filtered by name.</summary>
[Cmdlet(VerbsCommon.Get, "AltoSite", DefaultParameterSetName = ListSet)]
[OutputType(typeof(AltoSite))]
public sealed class GetAltoSiteCommand : AltoCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteNameCompleter))]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var client = RequireClient();
        if (ParameterSetName == ListSet)
        {
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var matched = false;
            string? idOfName = null;
            RunOrThrow(token => client.ListSitesAsync(dto =>
            {
                if (string.Equals(dto.Id, Name, StringComparison.OrdinalIgnoreCase)) idOfName = dto.Id;
                if (pattern is not null && !pattern.IsMatch(dto.Name ?? "")) return;
                matched = true;
                var site = Mapper.ToSite(dto);
                Post(() => WriteObject(site));
            }, token), Name);
            if (!matched && Name is not null && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorRecords.NameNotFound("site", Name, "Get-AltoSite", "SiteId", idOfName));
            return;
        }
        foreach (var id in SiteId)
        {
            RunOrWriteError(async token =>
            {
                var site = Mapper.ToSite(await client.GetSiteAsync(id, token).ConfigureAwait(false));
                Post(() => WriteObject(site));
            }, id);
        }
    }
}
