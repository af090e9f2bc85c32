using System.Runtime.CompilerServices;

namespace Altostrat.Engine;

/// <summary>
/// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name but every runtime the module
/// supports (PowerShell 7 on .NET 8 and later) honours: the method is compiled fully optimised on its first call,
/// skipping the unoptimised and the instrumented tiers. For the few loops a fleet run executes millions of times in
/// its first seconds, where waiting for tiering up is most of the cost of a fresh process.
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
