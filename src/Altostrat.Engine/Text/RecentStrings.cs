using System.Runtime.CompilerServices;
using System.Text;

namespace Altostrat.Engine.Text;

/// <summary>
/// Remembers recently made short strings, so that text that recurs shares one string instead of allocating one each
/// time: the thousands of rows of one print reply share a single <c>"mac-address"</c>, <c>"false"</c> or
/// <c>"ether1"</c>, and the lines of a long script their words. Less to allocate, and less for the collector to copy
/// while a fleet run holds the rows of many routers at once. Direct-mapped: a collision just makes the string again.
/// A cached string is compared with the source character by character, so a hit costs no allocation and a miss costs
/// only the string it returns; UTF-8 with non-ASCII bytes is never a hit. One instance serves one reader or parser,
/// on one thread at a time, and one kind of source (the hash of bytes and of characters differ beyond ASCII).
/// </summary>
internal sealed class RecentStrings
{
    private const int SlotCount = 256;
    // FNV-1a: cheap, and spreads short text over the slots well enough.
    private const uint HashStart = 2166136261u;

    private readonly string?[] _strings = new string?[SlotCount];
    private readonly int _maxLength;

    /// <param name="maxLength">Longer strings are decoded every time: they are rarely repeated, and would evict those that are.</param>
    public RecentStrings(int maxLength)
    {
        _maxLength = maxLength;
    }

    [MethodImpl(HotPath.Optimize)]
    public string Get(byte[] buffer, int offset, int count)
    {
        if (count == 0) return string.Empty;
        if (count > _maxLength) return Encoding.UTF8.GetString(buffer, offset, count);

        var hash = HashStart;
        for (var i = offset; i < offset + count; i++) hash = Mix(hash, buffer[i]);
        var slot = Slot(hash);
        var cached = _strings[slot];
        if (cached is not null && cached.Length == count && SameAscii(cached, buffer, offset)) return cached;
        return _strings[slot] = Encoding.UTF8.GetString(buffer, offset, count);
    }

    /// <summary>The builder's text.</summary>
    [MethodImpl(HotPath.Optimize)]
    public string Get(StringBuilder text)
    {
        var length = text.Length;
        if (length == 0) return string.Empty;
        if (length > _maxLength) return text.ToString();

        var hash = HashStart;
        for (var i = 0; i < length; i++) hash = Mix(hash, text[i]);
        var slot = Slot(hash);
        var cached = _strings[slot];
        if (cached is not null && cached.Length == length && Same(cached, text)) return cached;
        return _strings[slot] = text.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint hash, uint unit) => (hash ^ unit) * 16777619u;

    private static int Slot(uint hash) => (int)(hash & (SlotCount - 1));

    [MethodImpl(HotPath.Optimize)]
    private static bool Same(string cached, StringBuilder text)
    {
        for (var i = 0; i < cached.Length; i++)
            if (cached[i] != text[i]) return false;
        return true;
    }

    [MethodImpl(HotPath.Optimize)]
    private static bool SameAscii(string text, byte[] buffer, int offset)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var b = buffer[offset + i];
            if (b >= 0x80 || b != text[i]) return false;
        }
        return true;
    }
}
