using System;
using System.Management.Automation;
using Altostrat.Engine.Http;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Sdx;

/// <summary>ErrorRecords of the template, community script, site job, live command and backup cmdlets.</summary>
internal static class SdxErrors
{
    public static ErrorRecord TemplateReadOnly(AltoScriptTemplate template) =>
        new(new InvalidOperationException(
                $"Template '{template.Id}' ({template.Name}) is {(template.IsGlobal ? "a global template" : "read-only")}: only your own private templates can be changed. " +
                $"Make your own copy: Get-AltoScriptTemplate -Id {template.Id} | New-AltoScriptTemplate -Name 'My {template.Name}'."),
            ErrorIds.Sdx.TemplateReadOnly, ErrorCategory.PermissionDenied, template.Id);

    public static ErrorRecord JobAlreadyStarted(string siteId, string jobId, AltoApiException? api) =>
        new(new InvalidOperationException($"Job '{jobId}' on site '{siteId}' has already started and can no longer be cancelled.", api),
            ErrorIds.Sdx.SiteJobAlreadyStarted, ErrorCategory.ResourceBusy, jobId);

    public static ErrorRecord JobNotFound(string siteId, string what) =>
        new(new ItemNotFoundException($"Site '{siteId}' has no job {what}. Run Get-AltoSiteJob -SiteId {siteId} to list its jobs."),
            ErrorIds.Sdx.SiteJobNotFound, ErrorCategory.ObjectNotFound, what);

    public static ErrorRecord CommandNotReadOnly(string path) =>
        new(new InvalidOperationException(
                $"'{path}' changes the router; through SDX (-SiteId) only read-only commands run ({string.Join(", ", Engine.Sdx.SynchronousCommands.ReadOnlyVerbs)}). " +
                "Queue a change with Invoke-AltoRouterScript -SiteId, or run it directly with -ComputerName."),
            ErrorIds.Sdx.CommandNotReadOnly, ErrorCategory.InvalidOperation, path);

    public static ErrorRecord NoBackup(string siteId) =>
        new(new ItemNotFoundException($"Site '{siteId}' has no backup yet. Make one with Backup-AltoSite -SiteId {siteId} -Wait."),
            ErrorIds.Sdx.BackupNotFound, ErrorCategory.ObjectNotFound, siteId);

    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) => ErrorRecords.InvalidArgument(errorId, message, target);

    public static ErrorRecord Timeout(string errorId, string message, object? target) =>
        new(new TimeoutException(message), errorId, ErrorCategory.OperationTimeout, target);
}
