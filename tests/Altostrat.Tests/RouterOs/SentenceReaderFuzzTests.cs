using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class SentenceReaderFuzzTests
{
    private const int Cases = 12_000;
    private const int WordCap = 1024 * 1024;
    private static readonly ProtocolLimits Limits = new(maxWordLength: WordCap, maxSentenceLength: 4 * WordCap);

    [Fact]
    public async Task Random_and_mutated_streams_end_in_a_result_or_a_protocol_error_within_bounded_memory()
    {
        var random = new Random(20261122);
        var seeds = SeedReplies();
        var outcomes = new Dictionary<string, int>();

        // A reader bug that loops without reading would hang here; the whole run must finish well within a minute.
        var run = Task.Run(() =>
        {
            for (var i = 0; i < Cases; i++)
            {
                var input = i % 4 == 0 ? RandomBytes(random) : Mutate(seeds[random.Next(seeds.Count)], random);
                var chunks = Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next(1, 64)).ToArray();
                var outcome = ReadOnce(input, chunks, i);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        });
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, "the fuzz run did not finish: a reader hang");
        await run;

        // Both outcomes must actually occur, or the generator is not exercising the reader.
        Assert.True(outcomes.GetValueOrDefault("result") > 1000, $"too few clean results: {string.Join(", ", outcomes)}");
        Assert.True(outcomes.GetValueOrDefault("protocol error") > 1000, $"too few protocol errors: {string.Join(", ", outcomes)}");
    }

    private static string ReadOnce(byte[] input, int[] chunks, int caseNumber)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        string outcome;
        try
        {
            var task = Wire.ReadAllAsync(new ChunkedStream(input, chunks), Limits);
            // The stream completes synchronously, so a reader that does not loop forever has finished by now.
            Assert.True(task.IsCompleted, $"case {caseNumber}: the read did not complete");
            task.GetAwaiter().GetResult();
            outcome = "result";
        }
        catch (RouterProtocolException)
        {
            outcome = "protocol error";
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // What was allocated follows the bytes received (strings, at most two bytes of UTF-16 per byte, plus the
        // objects around them and the first rent of a pooled buffer), never a length a prefix claimed.
        var bound = 64L * 1024 + 48L * input.Length;
        Assert.True(allocated < bound, $"case {caseNumber}: {allocated} bytes allocated for {input.Length} bytes of input (bound {bound})");
        Assert.True(allocated < WordCap, $"case {caseNumber}: allocated past the word cap");
        return outcome;
    }

    private static List<byte[]> SeedReplies()
    {
        var big = new string('q', 300);
        return new List<byte[]>
        {
            Wire.Sentences(new[] { "!re", "=.id=*1", "=name=ether1", "=mtu=1500", ".tag=3" }, new[] { "!done", ".tag=3" }),
            Wire.Sentences(new[] { "!trap", "=category=0", "=message=no such command", ".tag=9" }, new[] { "!done", ".tag=9" }),
            Wire.Sentences(new[] { "!empty", ".tag=1" }, new[] { "!done", "=ret=*A", ".tag=1" }),
            Wire.Sentences(new[] { "!fatal", "not logged in" }),
            Wire.Sentences(new[] { "!re", "=comment=" + big, "=x=" + new string('w', 17000) }, new[] { "!done" }),
            Wire.Sentences(new[] { "/login", "=name=admin", "=password=" }),
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;                        // corrupt a byte
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;                     // truncate
                case 2: bytes.Insert(at, (byte)random.Next(0xC0, 0x100)); break;           // a multi-byte or control prefix
                case 3: bytes.RemoveAt(at); break;                                          // drop a byte
                case 4: bytes.InsertRange(at, bytes.Take(Math.Min(64, bytes.Count))); break; // duplicate a stretch
                default: bytes[at] ^= (byte)(1 << random.Next(8)); break;                  // flip a bit
            }
        }
        return bytes.ToArray();
    }
}
