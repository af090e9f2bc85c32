using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using Altostrat.Engine.Http;

namespace Altostrat.PowerShell.Errors;

/// <summary>ErrorRecords with stable ids and fitting categories, from whatever the engine threw.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target)
    {
        switch (exception)
        {
            case AltoApiException api:
                return FromApi(api, target);
            case Altostrat.Engine.RouterOs.Client.RouterException router:
                return RouterErrors.From(router, target?.ToString() ?? "");
            case TimeoutException:
                return new ErrorRecord(exception, ErrorIds.Api.Timeout, ErrorCategory.OperationTimeout, target);
            case HttpRequestException:
            case IOException:
                return new ErrorRecord(exception, ErrorIds.Api.ConnectionFailed, ErrorCategory.ConnectionError, target);
            case AltoInvalidResponseException:
            // An answer far larger than the API gives, or a link to another server: not the API's answer either.
            case InvalidDataException:
                return new ErrorRecord(exception, ErrorIds.Api.InvalidResponse, ErrorCategory.InvalidResult, target);
            default:
                return new ErrorRecord(exception, ErrorIds.Sdx.UnexpectedError, ErrorCategory.NotSpecified, target);
        }
    }

    public static ErrorRecord FromApi(AltoApiException api, object? target)
    {
        var status = (int)api.StatusCode;
        var exception = new AltostratApiException(api.Message, status, api.ErrorType, api.Code, api.ApiMessage, api.DocUrl);
        var record = new ErrorRecord(exception, ErrorIds.Api.Prefix + StatusName(status), Category(status), target);
        if (!string.IsNullOrEmpty(api.DocUrl))
            record.ErrorDetails = new ErrorDetails(api.Message) { RecommendedAction = "See " + api.DocUrl };
        return record;
    }

    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    /// <summary>A folder -OutFile needs and that is not there, with how to make it: refused before anything is read or sent.</summary>
    /// <param name="problem">The sentence that says which folder is missing and why it is needed.</param>
    public static ErrorRecord OutFolderNotFound(string errorId, string folder, string problem, object? target) => new(
        new DirectoryNotFoundException($"{problem} Create it first (New-Item -ItemType Directory -Path '{folder}'), or choose another -OutFile."),
        errorId, ErrorCategory.ObjectNotFound, target);

    /// <summary>Why a site cannot be a router address, and what to give instead: for a site object and for a site id alike.</summary>
    public static string SiteIsNoRouter(object? siteId) =>
        $"'{siteId}' is a site, and a site carries no router address. Give the router's address or name with -ComputerName, " +
        "or an open session with -Session; Invoke-AltoRouterScript and Invoke-AltoRouterCommand take sites (through SDX) by -SiteId, without -Credential.";

    /// <summary>
    /// A -Name without wildcards that matched nothing, as Get-Process reports one. A name typed where an id was meant
    /// (the id is the first positional parameter's other set) is the likely mistake, so the message says which.
    /// </summary>
    /// <param name="id">The id the name matches, as the API spells it; null when it is no id either.</param>
    public static ErrorRecord NameNotFound(string what, string name, string command, string idParameter, string? id) =>
        new(new ItemNotFoundException($"No {what} is named '{name}'." + (id is not null
                ? $" '{name}' is the id of one: {command} -{idParameter} {id}"
                : $" -Name matches names (wildcards allowed, e.g. '{name}*'); to get one by its id, use {command} -{idParameter}.")),
            ErrorIds.Sdx.NameNotFound, ErrorCategory.ObjectNotFound, name);

    public static ErrorRecord ScheduledScriptNotFound(string id) =>
        new(new ItemNotFoundException($"No scheduled script with id '{id}' exists. Run Get-AltoScheduledScript without -Id to list them."),
            ErrorIds.Sdx.ScheduledScriptNotFound, ErrorCategory.ObjectNotFound, id);

    public static ErrorRecord RouterSessionNotFound(int id) =>
        new(new ItemNotFoundException($"No router session has id {id}. Run Get-AltoRouterSession to list them."),
            ErrorIds.Router.SessionNotFound, ErrorCategory.ObjectNotFound, id);

    /// <param name="disconnected">Disconnect-Altostrat was run, so the environment's token is not used until Connect-Altostrat.</param>
    public static ErrorRecord NotConnected(bool disconnected) =>
        new(new InvalidOperationException(
                (disconnected
                    ? "Not connected to the Altostrat API: Disconnect-Altostrat (or Stop-AltoEmulator) closed the connection. Run Connect-Altostrat to connect again. "
                    : "Not connected to the Altostrat API. Run Connect-Altostrat (or set the ALTOSTRAT_TOKEN environment variable). ") +
                "To try the module without an account or a router, run Start-AltoEmulator: it starts the local emulator that comes with the module and connects to it."),
            ErrorIds.Sdx.NotConnected, ErrorCategory.ConnectionError, null);

    internal static ErrorCategory Category(int status) => status switch
    {
        401 => ErrorCategory.AuthenticationError,
        403 => ErrorCategory.PermissionDenied,
        404 => ErrorCategory.ObjectNotFound,
        400 or 422 => ErrorCategory.InvalidArgument,
        429 => ErrorCategory.LimitsExceeded,
        >= 500 => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };

    internal static string StatusName(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        422 => "UnprocessableEntity",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "Status" + status,
    };
}
