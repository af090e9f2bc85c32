using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>
/// Remembers recently decoded attribute names, so the thousands of rows of one print reply share a single
/// <c>"mac-address"</c> string instead of allocating one per row. Direct-mapped: a collision just decodes again.
/// Used by one reader, on one thread at a time.
/// </summary>
internal sealed class AttributeNameCache
{
    private const int SlotCount = 256;
    private const int MaxCachedLength = 64;

    private readonly byte[]?[] _bytes = new byte[]?[SlotCount];
    private readonly string?[] _names = new string?[SlotCount];

    [MethodImpl(HotPath.Optimize)]
    public string Get(byte[] buffer, int offset, int count)
    {
        if (count == 0) return string.Empty;
        if (count > MaxCachedLength) return Encoding.UTF8.GetString(buffer, offset, count);

        var span = new ReadOnlySpan<byte>(buffer, offset, count);
        var slot = (int)(Hash(span) & (SlotCount - 1));
        var cached = _bytes[slot];
        if (cached is not null && span.SequenceEqual(cached)) return _names[slot]!;

        var name = Encoding.UTF8.GetString(buffer, offset, count);
        _bytes[slot] = span.ToArray();
        _names[slot] = name;
        return name;
    }

    [MethodImpl(HotPath.Optimize)]
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: cheap and good enough to spread short ASCII names over the slots.
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
