using System.IO;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;
using BenchmarkDotNet.Attributes;

namespace Altostrat.Benchmarks;

/// <summary>Decoding and encoding a 100,000-row print reply in memory.</summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private byte[] _reply = null!;

    [GlobalSetup]
    public void Setup() => _reply = PrintReply.Encode(PrintReply.Rows, out _);

    [Benchmark]
    public async Task<int> DecodePrintReply()
    {
        using var reader = new SentenceReader(new MemoryStream(_reply, writable: false));
        var rows = 0;
        while (await reader.ReadSentenceAsync() is { } sentence) rows += sentence.Attributes.Count;
        return rows;
    }

    [Benchmark]
    public int EncodePrintReply() => PrintReply.Encode(PrintReply.Rows, out _).Length;
}
