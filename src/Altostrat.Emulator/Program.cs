using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator;
using Altostrat.Emulator.Storage;

var options = new EmulatorOptions { Port = 5080, AutoApproveAfter = TimeSpan.FromSeconds(3), SimulateRouters = true, RouterBasePort = 18728,
    JobStartDelay = TimeSpan.FromSeconds(1) };
var seedScripts = 0;
string? readyFile = null;
var seedJobs = 0;
var seedBackups = 0;
int? exitWith = null;
var tokenGiven = false;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--token": options.Token = Next(); tokenGiven = true; break;
        case "--db": options.DatabasePath = Next(); break;
        case "--sites": options.SiteCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--auto-approve-seconds":
            var seconds = double.Parse(Next(), CultureInfo.InvariantCulture);
            options.AutoApproveAfter = seconds < 0 ? null : TimeSpan.FromSeconds(seconds);
            break;
        case "--site-run-seconds": options.SiteRunDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--fail-site": options.FailingSites.Add(Next()); break;
        case "--seed-scripts": seedScripts = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--router-base-port": options.RouterBasePort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--no-routers": options.SimulateRouters = false; break;
        case "--ready-file": readyFile = Next(); break;
        case "--exit-with": exitWith = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--router-version":
            var version = Next();
            if (Altostrat.Emulator.Routers.SimulatedRouterOptions.ParseVersion(version) is null)
            {
                Console.Error.WriteLine($"--router-version takes a RouterOS version such as {Altostrat.Emulator.Routers.SimulatedRouterOptions.DefaultVersion}, not '{version}'.");
                return 2;
            }
            options.RouterVersion = version;
            break;
        case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--job-start-seconds": options.JobStartDelay = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--backup-seconds": options.BackupDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--seed-jobs": seedJobs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seed-backups": seedBackups = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "-h" or "--help":
            Console.WriteLine($$"""
                Altostrat SDX API emulator (loopback only)
                  --port N                  port on 127.0.0.1 (default 5080; 0 picks a free one)
                  --token T                 bearer token clients must send (default: ALTOSTRAT_EMULATOR_TOKEN, else
                                            alto-emulator-token)
                  --db PATH                 keep state in this SQLite file (default: in memory)
                  --sites N                 simulated sites in a new database (default 5)
                  --auto-approve-seconds S  approve S seconds after authorization is requested (default 3; -1: never,
                                            use POST /_emulator/scripts/{id}/approve)
                  --site-run-seconds S      how long each site takes to run a launched script (default 2)
                  --fail-site ID            scripts and jobs on this site fail (repeatable)
                  --seed-scripts N          add N scheduled scripts at start (for benchmarks)
                  --router-base-port N      API port of the first site's simulated router, the others above it
                                            (default 18728; 0 picks free ports)
                  --router-version V        RouterOS version the simulated routers report and behave as (default
                                            {{Altostrat.Emulator.Routers.SimulatedRouterOptions.DefaultVersion}}; before 7.18 they send no !empty and have no /safe-mode)
                  --no-routers              no simulated routers: site runs just take --site-run-seconds
                  --ready-file PATH         once listening, write the API URL, token and routers to PATH as JSON
                                            (apiUrl, token, and routers: site id to "host:port"), for scripts
                  --exit-with PID           stop when process PID ends (Start-AltoEmulator passes its PowerShell's)
                  --latency-ms MS           answer every request MS milliseconds late (for benchmarks)
                  --job-start-seconds S     a queued job starts S seconds after it is queued; until then it can be
                                            cancelled (default 1)
                  --backup-seconds S        how long a site takes to make a requested backup (default 1)
                  --seed-jobs N             add N finished jobs to every site at start (for benchmarks)
                  --seed-backups N          add N backups of every site at start (for benchmarks)
                """);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Run with --help for the list.");
            return 2;
    }
}

options.StopOnInterrupt = exitWith is null;
// Start-AltoEmulator hands its token over in the environment, which only this user may read, not on the command
// line, which every local user's ps lists.
if (!tokenGiven && Environment.GetEnvironmentVariable(Altostrat.Engine.Emulation.EmulatorLauncher.TokenVariable) is { Length: > 0 } fromEnvironment) options.Token = fromEnvironment;
await using var host = await EmulatorHost.StartAsync(options);
if (seedScripts > 0) ScriptSeeder.Seed(host.State, seedScripts);
if (seedJobs > 0) SdxSeeder.SeedJobs(host.State, seedJobs);
if (seedBackups > 0) SdxSeeder.SeedBackups(host.State, seedBackups);
Console.WriteLine("Altostrat SDX emulator is running. Press Ctrl+C to stop.");
Console.WriteLine($"ApiUrl: {host.Url}");
Console.WriteLine($"Token: {host.Token}");
Console.WriteLine($"Sites: {string.Join(", ", System.Linq.Enumerable.Select(host.State.Sites.All(), s => s.Id))}");
if (host.State.Routers is { } routers)
{
    Console.WriteLine($"Routers (RouterOS API; user '{Altostrat.Emulator.Routers.SiteRouters.UserName}', empty password):");
    foreach (var (site, router) in routers.BySite) Console.WriteLine($"  {site} {router.Host}:{router.Port}");
}
Console.WriteLine();
Console.WriteLine("Connect from PowerShell with:");
Console.WriteLine($"  $env:ALTOSTRAT_TOKEN = '{host.Token}'; Connect-Altostrat -ApiUrl {host.Url}");
Console.Out.Flush();
if (readyFile is not null) ReadyFile.Write(readyFile, host);

// Ctrl+C, or the host stopping itself: it handles SIGTERM by stopping, and then nothing else would end the process.
using var stop = CancellationTokenSource.CreateLinkedTokenSource(host.Stopping);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    if (options.StopOnInterrupt) stop.Cancel();
};
// Started by Start-AltoEmulator: an emulator left running after its PowerShell is gone would hold its ports unseen.
if (exitWith is { } owner) _ = ExitWithAsync(owner, stop);
try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
Console.WriteLine("Altostrat SDX emulator stopped.");
return 0;

static async Task ExitWithAsync(int processId, CancellationTokenSource stop)
{
    try
    {
        using var owner = System.Diagnostics.Process.GetProcessById(processId);
        await owner.WaitForExitAsync(stop.Token);
    }
    catch (ArgumentException) { /* already gone */ }
    catch (OperationCanceledException) { return; }
    stop.Cancel();
}
