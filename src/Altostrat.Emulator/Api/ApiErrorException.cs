using System;

namespace Altostrat.Emulator.Api;

/// <summary>Thrown by request validation; the endpoint filter turns it into the error response.</summary>
public sealed class ApiErrorException : Exception
{
    public ApiErrorException(ApiError error) : base(error.Message) => Error = error;

    public ApiError Error { get; }
}
