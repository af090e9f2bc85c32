using Microsoft.AspNetCore.Http;

namespace Altostrat.Emulator.Api;

/// <summary>The API's error body, <c>{type, code, message, doc_url}</c>, with the status it goes with.</summary>
public sealed record ApiError(int Status, string Type, string Code, string Message)
{
    public static ApiError Missing(string parameter) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid_request_error", "parameter_missing", $"The '{parameter}' parameter is required for this request.");

    public static ApiError Invalid(string parameter, string why) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid_request_error", "parameter_invalid", $"The '{parameter}' parameter is invalid: {why}");

    public static ApiError BadRequest(string parameter, string why) =>
        new(StatusCodes.Status400BadRequest, "invalid_request_error", "parameter_invalid", $"The '{parameter}' parameter is invalid: {why}");

    public static ApiError MalformedJson(string why) =>
        new(StatusCodes.Status400BadRequest, "invalid_request_error", "invalid_json", $"The request body is not valid JSON: {why}");

    public static ApiError NotFound(string what, string id) =>
        new(StatusCodes.Status404NotFound, "invalid_request_error", "resource_missing", $"No {what} with id '{id}' exists.");

    public static ApiError Forbidden(string code, string message) =>
        new(StatusCodes.Status403Forbidden, "permission_error", code, message);

    public static ApiError Conflict(string code, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid_request_error", code, message);

    public static readonly ApiError Unauthenticated =
        new(StatusCodes.Status401Unauthorized, "authentication_error", "unauthenticated", "A valid Bearer token was not provided.");

    public IResult ToResult() => Results.Json(
        new ErrorBody(Type, Code, Message, "https://docs.altostrat.io/errors/" + Code), EmulatorJson.Options, statusCode: Status);

    private sealed record ErrorBody(string Type, string Code, string Message, string DocUrl);
}
