using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Routers;

/// <summary>
/// The credential for routers named by address. -Credential is not mandatory in the cmdlets' computer parameter sets:
/// if it were, piping names without it made PowerShell fail with "The input object cannot be bound". Instead a
/// missing credential is asked for once per invocation, or, where no one can answer, refused with what to do.
/// </summary>
internal static class RouterCredential
{
    public static PSCredential Resolve(PSCmdlet cmdlet, PSCredential? credential)
    {
        if (credential is not null && !ReferenceEquals(credential, PSCredential.Empty)) return credential;
        Exception? cannotAsk = null;
        if (NoOneToAsk.StartedNonInteractive) cannotAsk = new PSInvalidOperationException("PowerShell was started with -NonInteractive");
        else try
        {
            var typed = cmdlet.Host.UI.PromptForCredential("Router credential",
                "Enter the user name and password that log in to the routers over the RouterOS API.", "admin", "");
            if (typed is not null) return typed;
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or HostException or NotImplementedException or NotSupportedException)
        {
            cannotAsk = ex;
        }
        var why = cannotAsk is null ? "no credential was entered" : "this session cannot ask for one";
        cmdlet.ThrowTerminatingError(new ErrorRecord(
            new ArgumentException($"A credential is needed to log in to the routers, and {why}. Pass -Credential " +
                "(for example -Credential (Get-Credential admin)), or pipe sessions from Connect-AltoRouter.", cannotAsk),
            ErrorIds.Router.CredentialRequired, ErrorCategory.InvalidArgument, null));
        return null!; // not reached: ThrowTerminatingError throws
    }
}
