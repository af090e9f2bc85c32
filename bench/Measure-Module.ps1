<#
.SYNOPSIS
    Benchmarks of the module (not tests): import time and a 10,000-script listing.
.DESCRIPTION
    1. Import-Module time over 10 fresh pwsh processes, next to an empty binary module measured in the same run.
    2. Get-AltoScheduledScript over 10,000 scripts from the emulator: time to the first object, the first and later
       full listings, and the process's peak working set.
    Goals (issue 2): import under 300 ms median and within 150 ms of the empty module; the listing under 1 s.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [int] $Runs = 10,
    [int] $ScriptCount = 10000
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
# The child pwsh processes import it by this path, whatever their own location.
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
Import-Module (Join-Path $root 'scripts/FreshPwsh.psm1') -Force
Import-Module (Join-Path $root 'scripts/Emulator.psm1') -Force

function Measure-Import([string] $Path) {
    $times = foreach ($i in 1..$Runs) {
        $ms = Invoke-FreshPwsh -NoProfile -NonInteractive -Command "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$Path'; `$w.Elapsed.TotalMilliseconds"
        [double]$ms
    }
    $sorted = $times | Sort-Object
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

# An empty binary module: the smallest assembly Import-Module can load, as the baseline.
$emptyDir = Join-Path ([IO.Path]::GetTempPath()) "alto-empty-module-$PID"
New-Item -ItemType Directory -Force $emptyDir | Out-Null
$emptyManifest = Join-Path $emptyDir 'Empty.psd1'
Add-Type -OutputAssembly (Join-Path $emptyDir 'Empty.dll') -TypeDefinition 'public static class AltoEmptyModule {}'
"@{ RootModule = 'Empty.dll'; ModuleVersion = '0.0.1'; CmdletsToExport = @() }" | Set-Content $emptyManifest

$module = Measure-Import $ModuleManifest
$empty = Measure-Import $emptyManifest
Write-Host ("Import-Module, median of {0} fresh pwsh: Altostrat {1:N0} ms, empty binary module {2:N0} ms, difference {3:N0} ms" -f $Runs, $module, $empty, ($module - $empty))
Remove-Item -Recurse -Force $emptyDir

$dll = Join-Path $root "src/Altostrat.Emulator/bin/$Configuration/net10.0/Altostrat.Emulator.dll"
& dotnet build (Join-Path $root 'src/Altostrat.Emulator') -c $Configuration --nologo -v quiet | Out-Null
$emulator = Start-BuiltEmulator -EmulatorDll $dll -ArgumentList '--seed-scripts', "$ScriptCount", '--no-routers'
try {
    $url = $emulator.Url
    # The emulator is warmed with two raw requests, so what is measured is the module, not the emulator's first JIT.
    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', 'alto-emulator-token')
    1..2 | ForEach-Object { $null = $http.GetStringAsync("${url}scripts/scheduled").GetAwaiter().GetResult() }
    $http.Dispose()
    # In a fresh pwsh: the time to the first object (the list streams), the first full listing, then four more
    # (the runtime's tiered JIT speeds up repeated runs), consumed by Measure-Object so the consumer costs little.
    $result = Invoke-FreshPwsh -NoProfile -NonInteractive -Command @"
Import-Module '$ModuleManifest'
`$env:ALTOSTRAT_TOKEN = 'alto-emulator-token'
Connect-Altostrat -ApiUrl '$url'
`$first = (Measure-Command { `$null = Get-AltoScheduledScript | Select-Object -First 1 }).TotalMilliseconds
`$count = 0
`$runs = foreach (`$i in 1..5) { (Measure-Command { `$count = (Get-AltoScheduledScript | Measure-Object).Count }).TotalMilliseconds }
`$later = `$runs[1..4] | Sort-Object
'{0} scripts: first object after {1:N0} ms; first full listing {2:N0} ms, then median {3:N0} ms (min {4:N0}) over four more; peak working set {5:N0} MB' -f `$count, `$first, `$runs[0], ((`$later[1] + `$later[2]) / 2), `$later[0], ([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)
"@
    Write-Host "Get-AltoScheduledScript: $result"
}
finally {
    Stop-BuiltEmulator $emulator
}
