using System;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>What became of one change: done, refused by the router (with its message), or not run.</summary>
public sealed class ChangeResult
{
    internal ChangeResult(ConfigurationChange change, ChangeStatus status, Exception? error, string? newId)
    {
        Change = change;
        Status = status;
        Error = error;
        NewId = newId;
    }

    public ConfigurationChange Change { get; }

    public ChangeStatus Status { get; }

    public bool Succeeded => Status == ChangeStatus.Applied;

    /// <summary>The router's refusal (a RouterTrapException, whose RouterMessage is the router's own words), a lost connection, or why it did not run.</summary>
    public Exception? Error { get; }

    /// <summary>The <c>.id</c> the router gave an added entry.</summary>
    public string? NewId { get; }

    public override string ToString() => $"{Status}: {Change.Script}" + (Error is null ? "" : $" ({Error.Message})");
}
