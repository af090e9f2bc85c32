using System;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.PowerShell.Errors;

/// <summary>ErrorRecords for router failures: stable ids, fitting categories, and the router's own message.</summary>
internal static class RouterErrors
{
    public static ErrorRecord From(RouterException exception, string computerName)
    {
        var (id, category, routerMessage, trapCategory) = exception switch
        {
            Engine.RouterOs.Configuration.SafeModeUnavailableException => (ErrorIds.Router.SafeModeUnavailable, ErrorCategory.NotEnabled, null, null),
            RouterTrapException trap => (ErrorIds.Router.CommandFailed, TrapErrorCategory(trap.Category), trap.RouterMessage, trap.Category?.ToString()),
            RouterAuthenticationException => (ErrorIds.Router.AuthenticationFailed, ErrorCategory.AuthenticationError, null, null),
            RouterTimeoutException => (ErrorIds.Router.Timeout, ErrorCategory.OperationTimeout, null, null),
            RouterFatalException fatal => (ErrorIds.Router.SessionClosed, ErrorCategory.ConnectionError, fatal.Reason, null),
            RouterProtocolException => (ErrorIds.Router.ProtocolError, ErrorCategory.ProtocolError, null, null),
            _ => (ErrorIds.Router.ConnectionFailed, ErrorCategory.ConnectionError, (string?)null, (string?)null),
        };
        var wrapped = new AltostratRouterException(exception.Message, computerName, routerMessage, trapCategory);
        return new ErrorRecord(wrapped, id, category, computerName);
    }

    private static ErrorCategory TrapErrorCategory(RouterTrapCategory? category) => category switch
    {
        RouterTrapCategory.MissingItemOrCommand => ErrorCategory.ObjectNotFound,
        RouterTrapCategory.ArgumentValueFailure => ErrorCategory.InvalidArgument,
        RouterTrapCategory.CommandInterrupted => ErrorCategory.OperationStopped,
        RouterTrapCategory.ScriptFailure => ErrorCategory.InvalidOperation,
        _ => ErrorCategory.NotSpecified,
    };
}
