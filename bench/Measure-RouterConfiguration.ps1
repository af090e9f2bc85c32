<#
.SYNOPSIS
    Benchmark of the module (not a test): Set-AltoRouterConfiguration on 500 simulated routers at once.
.DESCRIPTION
    The engine's fleetconfig benchmark measured through the cmdlet, as a user runs it: in a fresh pwsh, every change
    of every router's plan is rated by the risk gate (the script analyzer, each distinct line once), approved as
    ShouldProcess would approve it unasked, and every router's result is written to the pipeline. The routers are the benchmark project's simulated routers
    in a process of their own (one port each, every answer 20 ms late, warmed up before they say ready).
    Each run sets a 100-entry address list on every router: the first run adds the entries, later runs change their
    comments. Ideal: waves of -ThrottleLimit routers times three round trips (read, write, verify) times the latency.
    -ThrottleLimit is the cmdlet's own default unless given; at 64 on a 2-core machine the module and the simulated
    routers need about as much CPU as the ideal lasts, so that run measures the cores rather than the latency.
    Before each run the session waits until the runtime has stopped compiling (as a person's session does between
    two commands): otherwise the measure also holds the tiering of this script's own PowerShell (building the
    document, counting the results), which took 300-700 ms of JIT within a timed run. The JIT a run does itself is
    printed with it.
    Goal (issue 11, measured on the engine): within 1.5x of the ideal.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [int] $RouterCount = 500,
    [int] $Entries = 100,
    [int] $ThrottleLimit = 32,
    [int] $LatencyMs = 20,
    [int] $Runs = 6
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
Import-Module (Join-Path $root 'scripts/FreshPwsh.psm1') -Force

$project = Join-Path $root 'bench/Altostrat.Benchmarks'
& dotnet build $project -c $Configuration --nologo -v quiet | Out-Null
if ($LASTEXITCODE -ne 0) { throw "Building the benchmarks failed (exit code $LASTEXITCODE)." }
$routersDll = Join-Path $project "bin/$Configuration/net10.0/Altostrat.Benchmarks.dll"

$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($argument in $routersDll, 'menu-servers', "$RouterCount", "$LatencyMs") { $start.ArgumentList.Add($argument) }
$start.RedirectStandardOutput = $true
$start.RedirectStandardInput = $true
$start.UseShellExecute = $false
$routers = [System.Diagnostics.Process]::Start($start)
try {
    $ports = while (($line = $routers.StandardOutput.ReadLine()) -and $line -ne 'ready') { $line }
    if (@($ports).Count -ne $RouterCount) { throw "The routers' process started $(@($ports).Count) routers of $RouterCount." }
    $targets = ($ports | ForEach-Object { "'127.0.0.1:$_'" }) -join ','
    $ideal = [math]::Ceiling($RouterCount / $ThrottleLimit) * 3 * $LatencyMs
    Write-Host ("Set-AltoRouterConfiguration: {0} routers x {1} changes, {2} ms per answer, -ThrottleLimit {3}; ideal {4} ms" -f $RouterCount, $Entries, $LatencyMs, $ThrottleLimit, $ideal)

    # One fresh pwsh for all the runs: the first is a new session's first command (its JIT included), the later ones a warm session.
    $output = Invoke-FreshPwsh -NoProfile -NonInteractive -Command @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModuleManifest'
`$targets = @($targets)
`$credential = [pscredential]::new('admin', [securestring]::new())
foreach (`$run in 1..$Runs) {
    `$document = @{ '/ip/firewall/address-list' = @{ Entries = @(0..($Entries - 1) | ForEach-Object { @{ list = 'bulk'; address = "10.0.`$([math]::Floor(`$_ / 250)).`$(`$_ % 250 + 1)"; comment = "run `$run" } }) } }
    `$quiet = [Diagnostics.Stopwatch]::StartNew()
    do { `$compiled = [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false); Start-Sleep -Milliseconds 300 }
    while ([System.Runtime.JitInfo]::GetCompiledMethodCount(`$false) -ne `$compiled -and `$quiet.Elapsed.TotalSeconds -lt 15)
    `$jitted = [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false)
    `$jitTime = [System.Runtime.JitInfo]::GetCompilationTime(`$false)
    `$allocated = [GC]::GetTotalAllocatedBytes()
    `$paused = [GC]::GetTotalPauseDuration()
    `$cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
    `$clock = [Diagnostics.Stopwatch]::StartNew()
    `$results = Set-AltoRouterConfiguration -ComputerName `$targets -Credential `$credential -DesiredState `$document -ThrottleLimit $ThrottleLimit
    `$elapsed = `$clock.Elapsed.TotalMilliseconds
    `$jitted = [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false) - `$jitted
    `$jitTime = ([System.Runtime.JitInfo]::GetCompilationTime(`$false) - `$jitTime).TotalMilliseconds
    `$changed = @(`$results | Where-Object Status -eq 'Changed').Count
    `$changes = (`$results | ForEach-Object { `$_.Changes.Count } | Measure-Object -Sum).Sum
    `$cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - `$cpu
    '{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}|{8}|{9}' -f `$run, `$elapsed, `$changed, `$changes, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64,
        ([GC]::GetTotalAllocatedBytes() - `$allocated), ([GC]::GetTotalPauseDuration() - `$paused).TotalMilliseconds, `$cpu.TotalMilliseconds,
        `$jitted, `$jitTime
}
"@
    if ($LASTEXITCODE -ne 0) { throw "The measuring pwsh failed: $output" }
    foreach ($line in $output) {
        $run, $ms, $changed, $changes, $peak, $allocated, $paused, $cpu, $jitted, $jitTime = $line -split '\|'
        $label = if ($run -eq '1') { 'adds, fresh session' } else { 'sets' }
        Write-Host ("  run {0,-2} ({1,-19}) {2,7:N0} ms  ratio {3,5:N2} (goal 1.5)  {4} of {5} routers changed, {6:N0} changes" -f $run, $label, [double]$ms, ([double]$ms / $ideal), $changed, $RouterCount, [long]$changes)
        Write-Host ("      CPU {0:N1} us and {1:N0} bytes allocated per change, GC pauses {2:N0} ms, JIT {3:N0} methods in {4:N0} ms" -f ([double]$cpu * 1000 / [math]::Max(1, [long]$changes)), ([double]$allocated / [math]::Max(1, [long]$changes)), [double]$paused, [long]$jitted, [double]$jitTime)
    }
    Write-Host ("  peak working set of the pwsh process: {0:N0} MiB" -f ([long]($output[-1] -split '\|')[4] / 1MB))
}
finally {
    $routers.StandardInput.Close()
    if (-not $routers.WaitForExit(30000)) { $routers.Kill() }
    $routers.Dispose()
}
