using System.Runtime.CompilerServices;
using System.Text;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>
/// Remembers recently decoded short strings, so that the thousands of rows of one print reply share a single
/// <c>"mac-address"</c>, <c>"false"</c> or <c>"ether1"</c> instead of allocating one per row: less to allocate, and
/// less for the collector to copy while a fleet run holds the rows of many routers at once. Direct-mapped: a
/// collision just decodes again. A cached string is compared with the bytes character by character, so a hit costs
/// no allocation and a miss costs only the string it returns; a string with non-ASCII bytes is never a hit. Used by
/// one reader, on one thread at a time.
/// </summary>
internal sealed class RecentStrings
{
    private const int SlotCount = 256;

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

        // FNV-1a over the bytes: cheap, and spreads short ASCII text over the slots well enough.
        var hash = 2166136261u;
        for (var i = offset; i < offset + count; i++) hash = (hash ^ buffer[i]) * 16777619u;
        var slot = (int)(hash & (SlotCount - 1));
        var cached = _strings[slot];
        if (cached is not null && cached.Length == count && SameAscii(cached, buffer, offset)) return cached;
        return _strings[slot] = Encoding.UTF8.GetString(buffer, offset, count);
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
