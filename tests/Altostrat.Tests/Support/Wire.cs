using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Tests.Support;

/// <summary>Helpers to write protocol bytes by hand and read them back with the engine's reader.</summary>
public static class Wire
{
    /// <summary>Encodes sentences given as word arrays, independently of the engine's writer.</summary>
    public static byte[] Sentences(params string[][] sentences)
    {
        var bytes = new List<byte>();
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence)
            {
                var data = Encoding.UTF8.GetBytes(word);
                bytes.AddRange(Prefix(data.Length));
                bytes.AddRange(data);
            }
            bytes.Add(0);
        }
        return bytes.ToArray();
    }

    /// <summary>The length prefix written from the table in ROUTEROS.md, not from the engine.</summary>
    public static byte[] Prefix(int length) => length switch
    {
        < 0x80 => new[] { (byte)length },
        < 0x4000 => new[] { (byte)((length >> 8) | 0x80), (byte)length },
        < 0x200000 => new[] { (byte)((length >> 16) | 0xC0), (byte)(length >> 8), (byte)length },
        < 0x10000000 => new[] { (byte)((length >> 24) | 0xE0), (byte)(length >> 16), (byte)(length >> 8), (byte)length },
        _ => new[] { (byte)0xF0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length },
    };

    public static async Task<List<RouterSentence>> ReadAllAsync(Stream stream, ProtocolLimits? limits = null)
    {
        using var reader = new SentenceReader(stream, limits);
        var sentences = new List<RouterSentence>();
        while (await reader.ReadSentenceAsync() is { } sentence) sentences.Add(sentence);
        return sentences;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty));
}
