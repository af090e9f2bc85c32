using System;
using System.Collections.Generic;
using System.Management.Automation;
using Altostrat.Engine.Text;
using System.Reflection;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Scripts;

/// <summary>
/// The one risk gate for everything sent to a router: a script, one API command, an SDX job or schedule, a
/// configuration change. ShouldProcess that knows, from the analyzer's verdict, what the text does. A destructive
/// script is confirmed as if the cmdlet's ConfirmImpact were High: it asks under the default $ConfirmPreference, -Force or -Confirm:$false (or $ConfirmPreference =
/// 'None') skip the question, -Confirm asks once (the ShouldProcess prompt shows the reasons), and -WhatIf prints
/// the analysis. Other scripts keep the cmdlet's own impact. One instance per invocation keeps "Yes to All"; it also
/// says when ShouldProcess would approve unseen (<see cref="ApprovesUnseen"/>), so that a fleet need not ask it.
/// </summary>
internal sealed class RiskGate
{
    private const string DestructiveCaption = "Destructive RouterOS script";

    private readonly PSCmdlet _cmdlet;
    private readonly bool _force;
    private readonly string _reviewWith;
    private readonly bool _approvesUnseen;
    // Whether a destructive change is still to be asked about after ShouldProcess approved it: see the constructor.
    private readonly bool _stillToAsk;
    private bool _yesToAll;
    private bool _noToAll;
    // The verdict whose destructive lines -WhatIf showed last: one script fanned out to many routers shows them once,
    // and each change of a plan, which has a verdict of its own, shows its own.
    private ScriptVerdict? _shownVerdict;
    // The verdict on the last analysis shown: a fan-out asks about one script for every router.
    private AltoScriptAnalysis? _described;
    private ScriptVerdict? _verdict;

    /// <summary>Made on the pipeline thread: it reads the invocation's parameters and preference variables.</summary>
    /// <param name="reviewWith">How a person reviews what the cmdlet would send, for the error when no one can be asked.</param>
    public RiskGate(PSCmdlet cmdlet, bool force, string reviewWith = "Test-AltoRouterScript")
    {
        _cmdlet = cmdlet;
        _force = force;
        _reviewWith = reviewWith;
        var bound = cmdlet.MyInvocation.BoundParameters;
        WhatIf = IsOn(bound.TryGetValue("WhatIf", out var whatIf) ? whatIf : cmdlet.GetVariableValue("WhatIfPreference"));
        // Fixed for the invocation, so worked out once. -Confirm asks at every impact and -Confirm:$false at none;
        // otherwise $ConfirmPreference decides, at or below the cmdlet's declared impact.
        var confirmBound = bound.TryGetValue("Confirm", out var confirm);
        var preference = confirmBound ? ConfirmImpact.None : Preference();
        var declared = cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
        var shouldProcessAsks = confirmBound ? IsOn(confirm) : preference != ConfirmImpact.None && preference <= declared;
        // A destructive change is confirmed as if its impact were High, unless ShouldProcess already asked (or nothing may ask).
        _stillToAsk = !confirmBound && preference != ConfirmImpact.None && preference > declared;
        _approvesUnseen = !WhatIf && !IsOn(bound.TryGetValue("Verbose", out var verbose) ? verbose : null)
            && !IsOn(bound.TryGetValue("Debug", out var debug) ? debug : null) && !shouldProcessAsks;
    }

    /// <summary>Whether this invocation runs under -WhatIf or $WhatIfPreference: ShouldProcess only describes.</summary>
    public bool WhatIf { get; }

    /// <summary>
    /// Whether ShouldProcess would approve every one of these without a word: none is destructive, and the invocation
    /// runs without -WhatIf (or $WhatIfPreference), -Confirm, -Verbose or -Debug, under -Confirm:$false or a
    /// $ConfirmPreference of None or above the cmdlet's impact. The caller then need not put the changes to
    /// ShouldProcess, nor write the messages it would discard: for a fleet, that was thousands of messages a run and a
    /// wait for the pipeline thread on every router. PowerShell works this out itself but keeps it internal; this reads
    /// the same parameters and preferences, converted as PowerShell converts them, and where it could differ (-Debug)
    /// says no, which only costs the messages.
    /// </summary>
    public bool ApprovesUnseen(IReadOnlyList<ScriptVerdict> verdicts)
    {
        if (!_approvesUnseen) return false;
        for (var i = 0; i < verdicts.Count; i++)
            if (verdicts[i].IsDestructive) return false;
        return true;
    }

    // As PowerShell reads a switch or a preference: converted to bool, so that $WhatIfPreference = 1 (or 'false', a
    // non-empty string) means what if, to PowerShell and to this gate alike.
    private static bool IsOn(object? value) => value is not null && LanguagePrimitives.IsTrue(value);

    public bool ShouldProcess(string target, string action, AltoScriptAnalysis? analysis)
    {
        // Targets and actions quote names from the API and values from routers: nothing in them may steer the terminal
        // (the overload below makes them safe for the analysed case).
        if (analysis is null) return Ask(TerminalText.Safe(target), TerminalText.Safe(action), null, null, null);
        if (!ReferenceEquals(analysis, _described))
        {
            _described = analysis;
            _verdict = ScriptVerdict.Of(analysis);
        }
        return ShouldProcess(target, action, _verdict!);
    }

    public bool ShouldProcess(string target, string action, ScriptVerdict verdict)
    {
        target = TerminalText.Safe(target);
        action = TerminalText.Safe(action);
        var nl = Environment.NewLine;
        var destructive = verdict.IsDestructive ? nl + verdict.DestructiveLines : "";
        var description = $"{action} on \"{target}\". Script analysis: {verdict.Summary}." + (ReferenceEquals(_shownVerdict, verdict) ? "" : destructive);
        var warning = $"{action} on \"{target}\"?{nl}Script analysis: {verdict.Summary}.{destructive}";
        _shownVerdict = verdict;
        if (!Ask(target, action, description, warning, verdict.IsDestructive ? DestructiveCaption : "Confirm")) return false;
        if (!verdict.IsDestructive || _force || !_stillToAsk) return true;
        if (_yesToAll) return true;
        if (_noToAll) return false;
        var query = $"The script is destructive:{destructive}{nl}{action} on \"{target}\" anyway?";
        // What to do comes before the lines: the default error view may run them together.
        return NoOneToAsk.Ask(_cmdlet, () => _cmdlet.ShouldContinue(query, DestructiveCaption, ref _yesToAll, ref _noToAll),
            $"{action} on \"{target}\" is destructive",
            $"Review it ({_reviewWith}), then run again with -Force or -Confirm:$false. Destructive:{nl}{verdict.DestructiveLines}", target);
    }

    // ShouldProcess, whose question (-Confirm, a $ConfirmPreference at or below the cmdlet's impact) a session without
    // anyone to answer refuses with the host's bare error: the module's says how to go on.
    private bool Ask(string target, string action, string? description, string? warning, string? caption) =>
        NoOneToAsk.Ask(_cmdlet, () => description is null ? _cmdlet.ShouldProcess(target, action) : _cmdlet.ShouldProcess(description, warning, caption),
            $"{action} on \"{target}\" was to be confirmed (-Confirm, or $ConfirmPreference)",
            "Run it without -Confirm, set $ConfirmPreference back to High, or review it with -WhatIf first.", target);

    private ConfirmImpact Preference()
    {
        var value = _cmdlet.GetVariableValue("ConfirmPreference");
        if (value is ConfirmImpact impact) return impact;
        if (value is PSObject wrapped && wrapped.BaseObject is ConfirmImpact inner) return inner;
        return Enum.TryParse<ConfirmImpact>(value?.ToString(), ignoreCase: true, out var parsed) ? parsed : ConfirmImpact.High;
    }
}
