using System;

namespace Altostrat.Engine.Emulation;

/// <summary>The emulator could not be started; the message says why and what to do.</summary>
public sealed class EmulatorStartException : Exception
{
    public EmulatorStartException(string message, EmulatorStartProblem problem) : base(message)
    {
        Problem = problem;
    }

    public EmulatorStartProblem Problem { get; }
}
