<#
.SYNOPSIS
    Benchmarks of the module (not tests): import time and a 10,000-script listing.
.DESCRIPTION
    1. Import-Module time over 10 fresh pwsh processes, next to an empty binary module measured in the same run.
    2. Get-AltoScheduledScript over 10,000 scripts from the emulator: wall time and the process's peak working set.
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

function Measure-Import([string] $Path) {
    $times = foreach ($i in 1..$Runs) {
        $ms = & pwsh -NoProfile -NonInteractive -Command "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$Path'; `$w.Elapsed.TotalMilliseconds"
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
$log = New-TemporaryFile
$emulator = Start-Process dotnet -PassThru -NoNewWindow -RedirectStandardOutput $log -ArgumentList @($dll, '--port', '0', '--seed-scripts', "$ScriptCount")
try {
    while (-not (Select-String -Path $log -Pattern '^ApiUrl: ' -Quiet)) { Start-Sleep -Milliseconds 200 }
    $url = (Select-String -Path $log -Pattern '^ApiUrl: (.+)$').Matches[0].Groups[1].Value.Trim()
    $result = & pwsh -NoProfile -NonInteractive -Command @"
Import-Module '$ModuleManifest'
`$env:ALTOSTRAT_TOKEN = 'alto-emulator-token'
Connect-Altostrat -ApiUrl '$url'
`$null = Get-AltoScheduledScript | Select-Object -First 1
`$w = [Diagnostics.Stopwatch]::StartNew()
`$n = 0; Get-AltoScheduledScript | ForEach-Object { `$n++ }
'{0} scripts in {1:N0} ms, peak working set {2:N0} MB' -f `$n, `$w.Elapsed.TotalMilliseconds, ([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)
"@
    Write-Host "Get-AltoScheduledScript: $result"
}
finally {
    Stop-Process -Id $emulator.Id -ErrorAction SilentlyContinue
    Remove-Item $log -ErrorAction SilentlyContinue
}
