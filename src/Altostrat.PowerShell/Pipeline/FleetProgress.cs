using System.Management.Automation;
using System.Threading;

namespace Altostrat.PowerShell.Pipeline;

/// <summary>
/// The progress bar of work spread over many routers, sites or jobs ("12 of 300 routers done, 1 failed"): counted
/// from any thread, written by the cmdlet on the pipeline thread.
/// </summary>
internal sealed class FleetProgress
{
    private readonly int _activityId;
    private readonly string _activity;
    private readonly string _noun;
    private readonly int _total;
    private int _done;
    private int _failed;

    public FleetProgress(int activityId, string activity, string noun, int total)
    {
        _activityId = activityId;
        _activity = activity;
        _noun = noun;
        _total = total;
    }

    /// <summary>Counts one item as finished and returns the record to write for it.</summary>
    public ProgressRecord Finished(bool failed)
    {
        var failures = failed ? Interlocked.Increment(ref _failed) : Volatile.Read(ref _failed);
        var done = Interlocked.Increment(ref _done);
        return new ProgressRecord(_activityId, _activity, $"{done} of {_total} {_noun} done, {failures} failed")
        {
            PercentComplete = _total == 0 ? 100 : done * 100 / _total,
            RecordType = done >= _total ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
    }
}
