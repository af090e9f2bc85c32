using System;
using System.Threading;

namespace Altostrat.Engine.Http;

internal static class ThreadSafeRandom
{
    private static int _seed = Environment.TickCount;
    private static readonly ThreadLocal<Random> Local = new(() => new Random(Interlocked.Increment(ref _seed)));

    public static double NextDouble() => Local.Value!.NextDouble();
}
