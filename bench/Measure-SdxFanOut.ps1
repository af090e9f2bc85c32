<#
.SYNOPSIS
    Benchmarks of the SDX fan-out cmdlets (not tests): Get-AltoSiteJob and Get-AltoBackup -Latest over many sites.
.DESCRIPTION
    Starts the emulator with -Sites sites, -JobsPerSite finished jobs and two backups on each, and -LatencyMs added
    to every request, then in a fresh pwsh measures, for `Get-AltoSite | Get-AltoSiteJob` and
    `Get-AltoSite | Get-AltoBackup -Latest`: the time to the first object and the full run (first run, then the
    median of -Runs more), next to the latency-bound ideal at the module's default concurrency (8 requests at once):
    one site list plus ceil(sites / 8) rounds of one request (jobs) or of two requests in a row (latest backup:
    the list, then the file). The first object is timed twice: cold (the first pipeline of the process, with the
    module's first JIT) and then warm.
    Goals (issue 12): first object under 500 ms; the full run within 2x of the ideal.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [int] $Sites = 1000,
    [int] $JobsPerSite = 10,
    [int] $LatencyMs = 20,
    [int] $Runs = 3
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
# The child pwsh imports it by this path, whatever its own location.
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
Import-Module (Join-Path $root 'scripts/FreshPwsh.psm1') -Force
Import-Module (Join-Path $root 'scripts/Emulator.psm1') -Force
$concurrency = 8

$dll = Join-Path $root "src/Altostrat.Emulator/bin/$Configuration/net10.0/Altostrat.Emulator.dll"
& dotnet build (Join-Path $root 'src/Altostrat.Emulator') -c $Configuration --nologo -v quiet | Out-Null
$emulator = Start-BuiltEmulator -EmulatorDll $dll -TimeoutSeconds 120 -ArgumentList '--no-routers', '--sites', "$Sites", '--seed-jobs', "$JobsPerSite", '--seed-backups', '2', '--latency-ms', "$LatencyMs"
try {
    $url = $emulator.Url
    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', 'alto-emulator-token')
    foreach ($path in 'site-minimal', 'site/site_emu0001/job', 'backup/site_emu0001') { $null = $http.GetStringAsync("$url$path").GetAwaiter().GetResult() }
    $http.Dispose()

    $rounds = [math]::Ceiling($Sites / $concurrency)
    $idealJobs = $LatencyMs * (1 + $rounds)
    $idealBackups = $LatencyMs * (1 + 2 * $rounds)
    $result = Invoke-FreshPwsh -NoProfile -NonInteractive -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
`$env:ALTOSTRAT_TOKEN = 'alto-emulator-token'
Connect-Altostrat -ApiUrl '$url'
function Measure-Pipeline([scriptblock] `$pipeline, [double] `$ideal, [string] `$name) {
    `$cold = (Measure-Command { `$null = & `$pipeline | Select-Object -First 1 }).TotalMilliseconds
    `$first = (Measure-Command { `$null = & `$pipeline | Select-Object -First 1 }).TotalMilliseconds
    `$count = 0
    `$runs = foreach (`$i in 0..$Runs) { (Measure-Command { `$count = (& `$pipeline | Measure-Object).Count }).TotalMilliseconds }
    `$later = @(`$runs[1..$Runs] | Sort-Object)
    `$median = `$later[[int][math]::Floor((`$later.Count - 1) / 2)]
    '{0}: {1} objects; first object after {2:N0} ms (cold, first use in the process: {8:N0} ms); first full run {3:N0} ms, then median {4:N0} ms over {5} more; ideal {6:N0} ms ({7:N1}x)' -f `$name, `$count, `$first, `$runs[0], `$median, $Runs, `$ideal, (`$median / `$ideal), `$cold
}
Measure-Pipeline { Get-AltoSite | Get-AltoSiteJob } $idealJobs 'Get-AltoSite | Get-AltoSiteJob'
Measure-Pipeline { Get-AltoSite | Get-AltoBackup -Latest } $idealBackups 'Get-AltoSite | Get-AltoBackup -Latest'
"@
    Write-Host "$Sites sites, $JobsPerSite jobs and 2 backups each, $LatencyMs ms per request, $concurrency requests at once:"
    $result | ForEach-Object { Write-Host "  $_" }
}
finally {
    Stop-BuiltEmulator $emulator
}
