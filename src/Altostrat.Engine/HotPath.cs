using System.Runtime.CompilerServices;

namespace Altostrat.Engine;

/// <summary>
/// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name but every runtime the module
/// supports (PowerShell 7 on .NET 8 and later) honours: the method is compiled fully optimised on its first call,
/// skipping the unoptimised and the instrumented tiers. For the code a fleet run executes for every entry, command,
/// reply sentence and change it rates: a run lasts seconds, and the runtime's background compiler, queued behind
/// hundreds of framework methods, promoted almost none of the engine's methods within it (a 500-router configuration
/// run spent more than half of its managed time in unoptimised or instrumented code). Async methods cannot take it (it
/// would apply to their stub, not to the state machine), so their per-item work lives in methods that do.
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
