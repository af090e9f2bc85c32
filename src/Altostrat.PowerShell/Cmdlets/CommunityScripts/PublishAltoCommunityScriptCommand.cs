using System;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Sdx;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Cmdlets.CommunityScripts;

/// <summary>
/// Publish-AltoCommunityScript: submits a .rsc on GitHub (its page or raw URL) with its README as a community
/// script. Both URLs are checked before anything is sent.
/// </summary>
// High impact: what is published is public, and asks under the default $ConfirmPreference, as the help says.
[Cmdlet(VerbsData.Publish, "AltoCommunityScript", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AltoCommunityScript))]
public sealed class PublishAltoCommunityScriptCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Uri GitHubUrl { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Uri ReadmeUrl { get; set; } = null!;

    protected override void ProcessRecord()
    {
        var github = GitHubUrl.IsAbsoluteUri ? GitHubUrl.AbsoluteUri : GitHubUrl.OriginalString;
        var readme = ReadmeUrl.IsAbsoluteUri ? ReadmeUrl.AbsoluteUri : ReadmeUrl.OriginalString;
        var error = CommunityScriptUrls.GitHubUrlError(github);
        if (error is not null)
        {
            WriteError(SdxErrors.InvalidArgument(ErrorIds.Sdx.InvalidGitHubUrl, error, github));
            return;
        }
        error = CommunityScriptUrls.ReadmeUrlError(readme);
        if (error is not null)
        {
            WriteError(SdxErrors.InvalidArgument(ErrorIds.Sdx.InvalidReadmeUrl, error, readme));
            return;
        }
        if (!Errors.NoOneToAsk.ShouldProcess(this, github, "Publish as a community script", $"Publishing '{github}' as a community script", github)) return;
        var client = RequireClient();
        RunOrWriteError(async token =>
        {
            var script = SdxMapper.ToCommunityScript(await client.SubmitCommunityScriptAsync(
                new CommunityScriptSubmitRequest { GithubUrl = github, ReadmeUrl = readme }, token).ConfigureAwait(false));
            Post(() => WriteObject(script));
        }, github);
    }
}
