using System;
using System.Collections.Generic;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// How one command of a batch ended: its rows and <c>=ret=</c>, or why it failed (its own trap, a timeout, a lost
/// connection). A view of the finished command rather than a copy: a configuration run reads thousands of them and
/// needs little more than whether each succeeded.
/// </summary>
public readonly struct CommandOutcome
{
    private readonly PendingCommand _command;

    internal CommandOutcome(PendingCommand command)
    {
        _command = command;
    }

    /// <summary>Why the command failed; null when it succeeded.</summary>
    public Exception? Failure => _command is null ? NotACommand : _command.Failure;

    // default(CommandOutcome) is the outcome of no command at all.
    private static readonly Exception NotACommand = new InvalidOperationException("This outcome belongs to no command.");

    public bool Succeeded => Failure is null;

    /// <summary>The id of an added item, or the command's return value; null when the router sent none or the command failed.</summary>
    public string? Ret => Succeeded ? _command.Ret : null;

    /// <summary>The command's <c>!re</c> rows; empty when it failed.</summary>
    public IReadOnlyList<RouterSentence> Rows => Succeeded ? _command.CollectedRows : Array.Empty<RouterSentence>();
}
