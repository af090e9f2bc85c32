using System.Collections.Generic;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// RouterOS safe mode (the API's <c>/safe-mode/take</c>, <c>release</c> and <c>unroll</c>, RouterOS 7.18 and later).
/// One session holds it at a time. Every change made while it is held, by any session, is undone when the holder's
/// session ends without a release (socket closed, connection lost, the change cut the client off), or at once on an
/// unroll; a release keeps them. As on RouterOS, safe mode holds at most <see cref="HistoryLimit"/> changes: past
/// that the router leaves safe mode and keeps everything. Facts from the RouterOS manual (Console, "Safe Mode") and
/// tik4net 4.0 (ApiConnection.SafeModeTake/Release/Unroll, SafeModeTest).
/// </summary>
internal sealed class SafeMode
{
    /// <summary>RouterOS keeps the last 100 actions in its history; safe mode cannot undo more.</summary>
    public const int HistoryLimit = 100;

    private readonly RouterConfiguration _configuration;
    private object? _holder;
    private Dictionary<string, List<Dictionary<string, string>>>? _before;
    private int _changes;
    private bool _restoring;

    public SafeMode(RouterConfiguration configuration)
    {
        _configuration = configuration;
        _configuration.Changed += (_, _, _) => Record();
    }

    /// <summary>The session holding safe mode, or null.</summary>
    public object? Holder
    {
        get { lock (_configuration.Sync) return _holder; }
    }

    /// <summary>
    /// Takes safe mode for <paramref name="session"/>. Taking it again is harmless. While another session holds it
    /// the take is refused: on a terminal RouterOS asks whether to hijack it (unroll, release or don't take), which
    /// an API command cannot answer, so the API client is told no and the holder keeps it.
    /// </summary>
    public void Take(object session)
    {
        lock (_configuration.Sync)
        {
            if (ReferenceEquals(_holder, session)) return;
            if (_holder is not null) throw new SimulatedTrap("failure: safe mode is taken by another session", 1);
            _before = _configuration.Snapshot();
            _changes = 0;
            _holder = session;
        }
    }

    /// <summary>Keeps the changes and leaves safe mode. Any session may release (it clears a hold left by another, as tik4net's tests rely on); with none held it does nothing.</summary>
    public void Release()
    {
        lock (_configuration.Sync) Forget();
    }

    /// <summary>Undoes every change since the take at once; the session stays connected and leaves safe mode.</summary>
    public void Unroll(object session)
    {
        lock (_configuration.Sync)
        {
            if (_holder is null) return;
            if (!ReferenceEquals(_holder, session)) throw new SimulatedTrap("failure: safe mode is taken by another session", 1);
            RollBack();
        }
    }

    /// <summary>The session ended: if it held safe mode without a release, the router rolls back.</summary>
    public void SessionEnded(object session)
    {
        lock (_configuration.Sync)
        {
            if (ReferenceEquals(_holder, session)) RollBack();
        }
    }

    private void RollBack()
    {
        var before = _before!;
        Forget();
        _restoring = true;
        try { _configuration.Restore(before); }
        finally { _restoring = false; }
    }

    // Called under the configuration's lock for every change.
    private void Record()
    {
        if (_holder is null || _restoring) return;
        if (++_changes > HistoryLimit) Forget();
    }

    private void Forget()
    {
        _holder = null;
        _before = null;
        _changes = 0;
    }
}
