using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// What the commands of one ExecuteManyAsync share: one completion, and one deadline (a linked token source with its
/// timer, and the one registration that abandons whatever is unfinished when it passes), both settled when the last
/// command finishes. One task per batch rather than one per command: a configuration run sends thousands of commands,
/// and a task, its completion source and a thread-pool hop each were a good part of what a command cost the client.
/// </summary>
internal sealed class CommandBatch
{
    private readonly object _gate = new();
    private int _unfinished;
    private CancellationTokenSource? _deadline;
    private CancellationTokenRegistration _onDeadline;
    // Asynchronous continuations: the read loop finishes the last command, and must never run the caller's code.
    private readonly TaskCompletionSource<bool> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandBatch(int count)
    {
        _unfinished = count;
    }

    /// <summary>Completes once every command of the batch has finished: replied, failed or abandoned.</summary>
    public Task Finished => _finished.Task;

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
            if (--_unfinished != 0) return;
            Release();
        }
        _finished.TrySetResult(true);
    }

    private void Release()
    {
        if (_deadline is null) return;
        // Possibly from within the deadline's own callback (a command abandoned when it passed): Dispose does not wait
        // for a callback running on its own thread.
        _onDeadline.Dispose();
        // A deadline that fired may still be running its callbacks (this may be one of them), so it is disposed from the
        // pool instead: left undisposed, its link stayed in the caller's token, a leak for every batch that timed out.
        var deadline = _deadline;
        if (!deadline.IsCancellationRequested) deadline.Dispose();
        else ThreadPool.QueueUserWorkItem(static fired => ((CancellationTokenSource)fired!).Dispose(), deadline);
        _deadline = null;
    }
}
