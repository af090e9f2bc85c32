using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using System.Text.Json.Nodes;

// Usage: Altostrat.TestHost <script-file>. Prints one JSON object per line: {"stream": ..., ...}.
// Output objects are reported with their type name, ToString() and public properties (one level deep).
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Altostrat.TestHost <script.ps1>");
    return 2;
}

var script = File.ReadAllText(args[0]);
var iss = InitialSessionState.CreateDefault2();
using var runspace = RunspaceFactory.CreateRunspace(new RecordingHost(), iss);
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddScript(script);

void Emit(JsonObject line) => Console.Out.WriteLine(line.ToJsonString());

var output = new PSDataCollection<PSObject>();
output.DataAdded += (_, e) => Emit(Describe("output", output[e.Index]));
ps.Streams.Error.DataAdded += (_, e) =>
{
    var record = ps.Streams.Error[e.Index];
    Emit(new JsonObject
    {
        ["stream"] = "error",
        ["id"] = record.FullyQualifiedErrorId,
        ["category"] = record.CategoryInfo.Category.ToString(),
        ["message"] = record.ToString(),
        ["exception"] = record.Exception?.GetType().FullName,
        ["target"] = record.TargetObject?.ToString(),
        ["details"] = record.ErrorDetails?.Message,
        ["action"] = record.ErrorDetails?.RecommendedAction,
    });
};
ps.Streams.Warning.DataAdded += (_, e) => Emit(new JsonObject { ["stream"] = "warning", ["message"] = ps.Streams.Warning[e.Index].Message });
ps.Streams.Verbose.DataAdded += (_, e) => Emit(new JsonObject { ["stream"] = "verbose", ["message"] = ps.Streams.Verbose[e.Index].Message });
ps.Streams.Debug.DataAdded += (_, e) => Emit(new JsonObject { ["stream"] = "debug", ["message"] = ps.Streams.Debug[e.Index].Message });
ps.Streams.Information.DataAdded += (_, e) => Emit(new JsonObject { ["stream"] = "information", ["message"] = ps.Streams.Information[e.Index].MessageData?.ToString() });
ps.Streams.Progress.DataAdded += (_, e) =>
{
    var p = ps.Streams.Progress[e.Index];
    Emit(new JsonObject { ["stream"] = "progress", ["activity"] = p.Activity, ["message"] = p.StatusDescription, ["percent"] = p.PercentComplete, ["completed"] = p.RecordType == ProgressRecordType.Completed });
};

// ALTOSTRAT_TESTHOST_STOP=first-output|first-progress stops the pipeline from another thread, as Ctrl+C does in
// pwsh, once the first object or progress record has come out.
var stopOn = Environment.GetEnvironmentVariable("ALTOSTRAT_TESTHOST_STOP");
var stopRequested = 0;
using var stopReported = new System.Threading.ManualResetEventSlim();
void StopOnce(string reason)
{
    if (stopOn != reason || System.Threading.Interlocked.Exchange(ref stopRequested, 1) == 1) return;
    System.Threading.ThreadPool.QueueUserWorkItem(_ =>
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Emit(new JsonObject { ["stream"] = "stopped", ["milliseconds"] = watch.ElapsedMilliseconds });
        stopReported.Set();
    });
}
output.DataAdded += (_, _) => StopOnce("first-output");
ps.Streams.Progress.DataAdded += (_, _) => StopOnce("first-progress");

try
{
    ps.Invoke(null, output);
}
catch (RuntimeException ex)
{
    var record = ex.ErrorRecord;
    Emit(new JsonObject
    {
        ["stream"] = "terminating",
        ["id"] = record.FullyQualifiedErrorId,
        ["category"] = record.CategoryInfo.Category.ToString(),
        ["message"] = record.ToString(),
        ["exception"] = (ex.InnerException ?? ex).GetType().FullName,
    });
}
if (System.Threading.Volatile.Read(ref stopRequested) == 1) stopReported.Wait(TimeSpan.FromSeconds(60));
// Completed, Failed, or Stopped (a stopped Invoke returns without throwing).
Emit(new JsonObject { ["stream"] = "state", ["state"] = ps.InvocationStateInfo.State.ToString() });
foreach (var line in RecordingHost.HostLines) Emit(new JsonObject { ["stream"] = "host", ["message"] = line });
return 0;

static JsonObject Describe(string stream, PSObject? value)
{
    var line = new JsonObject { ["stream"] = stream };
    if (value is null) return line;
    line["type"] = value.BaseObject.GetType().FullName;
    line["text"] = value.BaseObject.ToString();
    var properties = new JsonObject();
    if (value.BaseObject is not string && !value.BaseObject.GetType().IsPrimitive)
    {
        foreach (var property in value.Properties.Where(p => p.IsGettable))
        {
            object? propertyValue;
            try { propertyValue = property.Value; } catch { continue; }
            properties[property.Name] = propertyValue switch
            {
                null => null,
                string s => s,
                bool b => b,
                int i => i,
                IEnumerable items and not string => new JsonArray(items.Cast<object?>().Select(item => (JsonNode?)JsonValue.Create(item?.ToString())).ToArray()),
                _ => propertyValue is PSObject pso ? pso.BaseObject?.ToString() : propertyValue.ToString(),
            };
        }
    }
    line["properties"] = properties;
    return line;
}
