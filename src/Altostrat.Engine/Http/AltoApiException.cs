using System;
using System.Net;

namespace Altostrat.Engine.Http;

/// <summary>The API answered with an error status. Carries the API's own error fields; never a header or a body secret.</summary>
public sealed class AltoApiException : Exception
{
    public AltoApiException(HttpStatusCode statusCode, string method, string path, string? errorType, string? code, string? apiMessage, string? docUrl)
        : base(Describe(statusCode, method, path, code, apiMessage))
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        ErrorType = errorType;
        Code = code;
        ApiMessage = apiMessage;
        DocUrl = docUrl;
    }

    public HttpStatusCode StatusCode { get; }
    public string Method { get; }
    public string Path { get; }
    public string? ErrorType { get; }
    public string? Code { get; }
    public string? ApiMessage { get; }
    public string? DocUrl { get; }

    private static string Describe(HttpStatusCode status, string method, string path, string? code, string? apiMessage)
    {
        var what = string.IsNullOrEmpty(apiMessage) ? status.ToString() : apiMessage;
        var codePart = string.IsNullOrEmpty(code) ? "" : $" [{code}]";
        return $"The Altostrat API refused {method} {path} with {(int)status} {status}{codePart}: {what}";
    }
}
