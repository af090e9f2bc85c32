using System;
using Altostrat.Engine.Contracts;

namespace Altostrat.Engine.Sdx;

/// <summary>How waiting for a scheduled script's approval ended.</summary>
public sealed class ApprovalOutcome
{
    private ApprovalOutcome(ScheduledScriptDto script, bool approved, bool cancelled, bool timedOut)
    {
        Script = script;
        Approved = approved;
        Cancelled = cancelled;
        TimedOut = timedOut;
    }

    /// <summary>The script as last read.</summary>
    public ScheduledScriptDto Script { get; }

    public bool Approved { get; }
    public bool Cancelled { get; }
    public bool TimedOut { get; }

    internal static ApprovalOutcome ApprovedAs(ScheduledScriptDto script) => new(script, true, false, false);
    internal static ApprovalOutcome CancelledAs(ScheduledScriptDto script) => new(script, false, true, false);
    internal static ApprovalOutcome TimedOutAs(ScheduledScriptDto script) => new(script, false, false, true);
}
