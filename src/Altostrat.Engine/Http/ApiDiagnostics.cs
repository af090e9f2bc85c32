using System;
using System.Threading;

namespace Altostrat.Engine.Http;

/// <summary>
/// Where request log lines go for the current logical operation. The session (and its handlers) outlive one
/// cmdlet invocation, so the sink is ambient: each invocation sets its own and the lines reach that invocation only.
/// </summary>
public static class ApiDiagnostics
{
    private static readonly AsyncLocal<Action<string>?> CurrentSink = new();

    public static Action<string>? Sink
    {
        get => CurrentSink.Value;
        set => CurrentSink.Value = value;
    }

    internal static void Write(string line) => CurrentSink.Value?.Invoke(line);
}
