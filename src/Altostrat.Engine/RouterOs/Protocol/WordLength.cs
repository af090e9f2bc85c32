using System;
using System.Runtime.CompilerServices;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>
/// The variable-length prefix in front of every word of the RouterOS API protocol: one to five bytes, the tier
/// chosen by the high bits of the first byte. A first byte of 0xF8 or above is a reserved control byte.
/// </summary>
public static class WordLength
{
    /// <summary>The longest prefix, in bytes.</summary>
    public const int MaxPrefixLength = 5;

    /// <summary>The number of prefix bytes that <paramref name="length"/> takes.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static int PrefixLength(int length)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "A word length cannot be negative.");
        if (length < 0x80) return 1;
        if (length < 0x4000) return 2;
        if (length < 0x200000) return 3;
        if (length < 0x10000000) return 4;
        return 5;
    }

    /// <summary>Writes the prefix of <paramref name="length"/> at the start of <paramref name="destination"/>; returns its size.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static int Write(int length, Span<byte> destination)
    {
        var size = PrefixLength(length);
        var value = (uint)length;
        switch (size)
        {
            case 1:
                destination[0] = (byte)value;
                break;
            case 2:
                value |= 0x8000;
                destination[0] = (byte)(value >> 8);
                destination[1] = (byte)value;
                break;
            case 3:
                value |= 0xC00000;
                destination[0] = (byte)(value >> 16);
                destination[1] = (byte)(value >> 8);
                destination[2] = (byte)value;
                break;
            case 4:
                value |= 0xE0000000;
                destination[0] = (byte)(value >> 24);
                destination[1] = (byte)(value >> 16);
                destination[2] = (byte)(value >> 8);
                destination[3] = (byte)value;
                break;
            default:
                destination[0] = 0xF0;
                destination[1] = (byte)(value >> 24);
                destination[2] = (byte)(value >> 16);
                destination[3] = (byte)(value >> 8);
                destination[4] = (byte)value;
                break;
        }
        return size;
    }

    /// <summary>
    /// Decodes a prefix from the start of <paramref name="source"/>. Returns false when more bytes are needed;
    /// throws <see cref="RouterProtocolException"/> for a control byte or a length beyond what an int holds.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static bool TryRead(ReadOnlySpan<byte> source, out int length, out int prefixLength)
    {
        length = 0;
        prefixLength = 0;
        if (source.IsEmpty) return false;
        var first = source[0];
        int size;
        uint value;
        if (first < 0x80) { size = 1; value = first; }
        else if (first < 0xC0) { size = 2; value = first & 0x3Fu; }
        else if (first < 0xE0) { size = 3; value = first & 0x1Fu; }
        else if (first < 0xF0) { size = 4; value = first & 0x0Fu; }
        else if (first == 0xF0) { size = 5; value = 0; }
        else throw new RouterProtocolException($"Received the reserved control byte 0x{first:X2} where a word length was expected.");

        if (source.Length < size) return false;
        for (var i = 1; i < size; i++) value = (value << 8) | source[i];
        if (value > int.MaxValue) throw new RouterProtocolException($"Received a word length of {value} bytes, beyond what this client accepts.");
        length = (int)value;
        prefixLength = size;
        return true;
    }
}
