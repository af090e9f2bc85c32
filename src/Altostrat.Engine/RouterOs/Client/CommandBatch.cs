using System.Threading;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// What the commands of one ExecuteManyAsync share: one deadline (a linked token source with its timer, and the one
/// registration that abandons whatever is unfinished when it passes), released as soon as the last command finishes
/// rather than through a continuation on every command's task.
/// </summary>
internal sealed class CommandBatch
{
    private readonly object _gate = new();
    private int _unfinished;
    private CancellationTokenSource? _deadline;
    private CancellationTokenRegistration _onDeadline;

    public CommandBatch(int count)
    {
        _unfinished = count;
    }

    /// <summary>Hands the batch its deadline; released at once when every command already finished.</summary>
    public void Watch(CancellationTokenSource deadline, CancellationTokenRegistration onDeadline)
    {
        lock (_gate)
        {
            _deadline = deadline;
            _onDeadline = onDeadline;
            if (_unfinished == 0) Release();
        }
    }

    /// <summary>Called once by each command as it finishes (replied, failed or abandoned).</summary>
    public void OneFinished()
    {
        lock (_gate)
        {
            if (--_unfinished == 0) Release();
        }
    }

    private void Release()
    {
        if (_deadline is null) return;
        _onDeadline.Dispose();
        // A deadline that fired has no timer left to free, and may still be running its callbacks.
        if (!_deadline.IsCancellationRequested) _deadline.Dispose();
        _deadline = null;
    }
}
