using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Altostrat.PowerShell.Completion;

/// <summary>Tab completion of the backups of the site given with -SiteId, newest first, with the time as tooltip.</summary>
public sealed class BackupFilenameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var site = parameterName == "DifferenceFilename" && fakeBoundParameters?.Contains("DifferenceSiteId") == true
            ? fakeBoundParameters["DifferenceSiteId"]?.ToString()
            : SiteScopedCompletion.BoundSiteId(fakeBoundParameters!);
        if (string.IsNullOrEmpty(site)) return Array.Empty<CompletionResult>();
        return CompletionSource.Complete(wordToComplete, (client, add, token) =>
            client.ListBackupsAsync(site!, b => { add(b.Filename, $"{b.Filename} ({b.CreatedAt?.ToLocalTime():yyyy-MM-dd HH:mm}, {b.Size})"); return true; }, token));
    }
}
