namespace Altostrat.Engine.Sdx;

/// <summary>What <see cref="ScheduledScriptWatcher"/> saw of one scheduled script in one round.</summary>
public enum ScheduledScriptEventKind
{
    /// <summary>Sites are still pending; the watcher goes on.</summary>
    Waiting,

    /// <summary>No site is pending: the progress is final.</summary>
    Finished,

    /// <summary>The script was cancelled while sites were pending; they will not run.</summary>
    Cancelled,

    /// <summary>The timeout passed with sites still pending.</summary>
    TimedOut,

    /// <summary>The script's progress could not be read; the watcher stops following it.</summary>
    Failed,
}
