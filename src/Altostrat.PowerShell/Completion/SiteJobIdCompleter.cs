using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Altostrat.PowerShell.Completion;

/// <summary>
/// Tab completion of the jobs of the site given with -SiteId, with description and state as tooltip; for
/// Stop-AltoSiteJob only the pending ones, as a job that started cannot be cancelled.
/// </summary>
public sealed class SiteJobIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var site = SiteScopedCompletion.BoundSiteId(fakeBoundParameters);
        if (string.IsNullOrEmpty(site)) return Array.Empty<CompletionResult>();
        // Also when written with its module (Altostrat\Stop-AltoSiteJob).
        var pendingOnly = commandName.IndexOf("Stop-AltoSiteJob", StringComparison.OrdinalIgnoreCase) >= 0;
        return CompletionSource.Complete(wordToComplete, (client, add, token) =>
            client.ListSiteJobsAsync(site!, j =>
            {
                if (!pendingOnly || j.State == Engine.Contracts.SiteJobState.Pending) add(j.Id, $"{j.Description} ({j.State})");
            }, token));
    }
}
