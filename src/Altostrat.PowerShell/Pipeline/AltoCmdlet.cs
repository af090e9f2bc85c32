using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Http;
using Altostrat.PowerShell.Emulation;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Pipeline;

/// <summary>
/// The base of every cmdlet that talks to the engine. The engine is async; PowerShell's Write* methods must run on
/// the pipeline thread. <see cref="Run"/> runs the async work on the thread pool and executes, on the pipeline
/// thread, whatever the work <see cref="Post"/>s (objects, progress, verbose lines) as it arrives. Ctrl+C cancels
/// the work through <see cref="StopProcessing"/>.
/// </summary>
public abstract class AltoCmdlet : PSCmdlet, IDisposable
{
    // Bounded, so a fast producer (a long list being parsed) waits for the pipeline instead of piling up objects.
    private const int QueueCapacity = 1024;

    private readonly CancellationTokenSource _cancellation = new();
    private BlockingCollection<Action>? _queue;
    // The errors of a run under ErrorAction Stop, written once it has ended (see Run).
    private List<ErrorRecord>? _heldErrors;

    private protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The connected API client; ends the invocation with a clear error when there is none.</summary>
    private protected AltoApiClient RequireClient()
    {
        AltoApiClient? client = null;
        try
        {
            client = ConnectionManager.ClientOrNull();
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.InvalidApiUrl, ex.Message, null));
        }
        if (client is null) ThrowTerminatingError(ErrorRecords.NotConnected(ConnectionManager.DisconnectedOnPurpose));
        // Said at once, rather than after the retries of a connection refused, and before the token goes to a port
        // another program may hold by now.
        if (EmulatorRegistry.EndedUnderSession() is { } ended) ThrowTerminatingError(EmulatorErrors.Ended(ended));
        return client!;
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>
    /// False for a cmdlet that only waits (Wait-AltoScheduledScript, Wait-AltoSiteJob): under ErrorAction Stop its
    /// first error ends the wait at once, since there is no router or site left half way to finish, and holding the
    /// error would keep a wait without -Timeout going for the others indefinitely.
    /// </summary>
    private protected virtual bool HoldsErrorsUnderStop => true;

    /// <summary>
    /// Writes the error; while <see cref="Run"/> works under ErrorAction Stop, keeps it until the work has ended.
    /// Hides Cmdlet.WriteError for the module's cmdlets, so that none of their calls during Run can forget it (a helper
    /// that writes through a PSCmdlet reference is not covered; none does so during Run).
    /// </summary>
    private protected new void WriteError(ErrorRecord errorRecord)
    {
        if (_heldErrors is { } held) held.Add(errorRecord);
        else base.WriteError(errorRecord);
    }

    // -ErrorAction Stop, or $ErrorActionPreference = 'Stop' where the command runs.
    private bool StopsOnError()
    {
        var preference = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : SessionState.PSVariable.GetValue("ErrorActionPreference");
        if (preference is PSObject wrapped) preference = wrapped.BaseObject;
        return preference is ActionPreference.Stop || string.Equals(preference as string, nameof(ActionPreference.Stop), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Queues <paramref name="action"/> to run on the pipeline thread. Callable from any thread during <see cref="Run"/>.</summary>
    private protected void Post(Action action)
    {
        var queue = _queue ?? throw new InvalidOperationException("Post is only valid while Run is executing.");
        queue.Add(action, _cancellation.Token);
    }

    /// <summary>
    /// Runs <paramref name="work"/> to completion, pumping posted actions on this (the pipeline) thread. Under
    /// ErrorAction Stop the errors are written after the work has ended, every result first: the first error would
    /// otherwise stop the pipeline there and cancel the other routers or sites half way through their change, and
    /// their results would be lost.
    /// </summary>
    private protected void Run(Func<CancellationToken, Task> work)
    {
        var queue = new BlockingCollection<Action>(QueueCapacity);
        _queue = queue;
        _heldErrors = HoldsErrorsUnderStop && StopsOnError() ? new List<ErrorRecord>() : null;
        var token = _cancellation.Token;
        var verboseSink = new Action<string>(line => queue.Add(() => WriteVerbose(line), token));
        var task = Task.Run(async () =>
        {
            ApiDiagnostics.Sink = verboseSink;
            try
            {
                await work(token).ConfigureAwait(false);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var action in queue.GetConsumingEnumerable()) action();
        }
        catch
        {
            // The pipeline stopped (Select-Object -First, Ctrl+C) or a write failed: stop the work as well.
            _cancellation.Cancel();
            _heldErrors = null;
            throw;
        }
        finally
        {
            _queue = null;
        }

        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            _heldErrors = null;
            throw new PipelineStoppedException();
        }
        catch
        {
            // The work itself failed, and that failure is what the command ends with; the held errors still show.
            foreach (var error in TakeHeldErrors()) WriteWarning(error.Exception.Message);
            throw;
        }
        WriteHeldErrors();
    }

    private List<ErrorRecord> TakeHeldErrors()
    {
        var held = _heldErrors ?? new List<ErrorRecord>();
        _heldErrors = null;
        return held;
    }

    // Under Stop the error ends the command, as it would have at once; only one can be written, so several become one.
    private void WriteHeldErrors()
    {
        var held = TakeHeldErrors();
        if (held.Count == 0) return;
        if (held.Count == 1)
        {
            base.WriteError(held[0]);
            return;
        }
        const int Listed = 10;
        var first = held[0];
        var message = $"{held.Count} of this command's targets failed: " +
            string.Join("; ", held.Take(Listed).Select(e => $"{e.TargetObject}: {e.Exception.Message.TrimEnd('.')}")) +
            (held.Count > Listed ? $"; and {held.Count - Listed} more." : ".");
        // Each failure stays at hand as an inner exception; an AggregateException's own message would repeat them all.
        base.WriteError(new ErrorRecord(new InvalidOperationException(message, new AggregateException(held.Select(e => e.Exception))), first.FullyQualifiedErrorId,
            first.CategoryInfo.Category, held.Select(e => e.TargetObject).ToArray()));
    }

    /// <summary>Runs <paramref name="work"/>; a failure becomes a non-terminating error about <paramref name="target"/>.</summary>
    private protected bool RunOrWriteError(Func<CancellationToken, Task> work, object? target)
    {
        try
        {
            Run(work);
            return true;
        }
        catch (Exception ex) when (IsEngineFailure(ex))
        {
            WriteError(ErrorRecords.From(ex, target));
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/>; a failure ends the invocation.</summary>
    private protected void RunOrThrow(Func<CancellationToken, Task> work, object? target)
    {
        try
        {
            Run(work);
        }
        catch (Exception ex) when (IsEngineFailure(ex))
        {
            ThrowTerminatingError(ErrorRecords.From(ex, target));
        }
    }

    private protected static bool IsEngineFailure(Exception ex) =>
        ex is not PipelineStoppedException && ex is not OperationCanceledException;

    public void Dispose()
    {
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}
