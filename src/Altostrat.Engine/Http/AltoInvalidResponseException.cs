using System;

namespace Altostrat.Engine.Http;

/// <summary>
/// The API answered with a body the engine cannot read: malformed JSON, a malformed timestamp, or no body where one
/// is due. The engine's own type, because the cmdlets cannot match the JSON library's exceptions: on PowerShell 7
/// that library lives in the engine's isolated load context, so its types are not the ones the cmdlets see.
/// </summary>
public sealed class AltoInvalidResponseException : Exception
{
    public AltoInvalidResponseException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
