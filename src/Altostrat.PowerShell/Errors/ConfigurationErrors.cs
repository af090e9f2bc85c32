using System;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;

namespace Altostrat.PowerShell.Errors;

/// <summary>The ErrorRecord of a router that desired state could not be compared with or applied to.</summary>
internal static class ConfigurationErrors
{
    public static ErrorRecord From(Exception error, string computerName) => error switch
    {
        RouterException router => RouterErrors.From(router, computerName),
        // The document does not fit this router (a property its menu does not have): the input is wrong, not the router.
        DesiredStateException document => new ErrorRecord(document, ErrorIds.Configuration.InvalidDocument, ErrorCategory.InvalidData, computerName),
        _ => new ErrorRecord(error, ErrorIds.Configuration.Failed, ErrorCategory.InvalidResult, computerName),
    };
}
