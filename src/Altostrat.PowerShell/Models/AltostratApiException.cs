using System;

namespace Altostrat.PowerShell;

/// <summary>The SDX API refused a request. Catch it by type; its fields are the API's own error fields.</summary>
public sealed class AltostratApiException : Exception
{
    public AltostratApiException(string message, int statusCode, string? errorType, string? code, string? apiMessage, string? docUrl)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        Code = code;
        ApiMessage = apiMessage;
        DocUrl = docUrl;
    }

    public int StatusCode { get; }
    public string? ErrorType { get; }
    public string? Code { get; }
    public string? ApiMessage { get; }
    public string? DocUrl { get; }
}
