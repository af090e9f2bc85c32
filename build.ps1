#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates the Altostrat module.
.DESCRIPTION
    Tasks: Build (default), Test, Pester, Help, Package, Demo, Bench, Clean.
    Build lays out out/Altostrat/<version>/, a folder Import-Module takes as is (help included).
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Help', 'Package', 'Demo', 'Bench', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$version = (Import-PowerShellDataFile (Join-Path $root 'Altostrat.psd1')).ModuleVersion
$moduleDir = Join-Path $root "out/Altostrat/$version"
Import-Module (Join-Path $root 'scripts/FreshPwsh.psm1') -Force

function Invoke-Dotnet {
    # To the host, not the output: a function that builds and then returns an object must return only that object.
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    # The module project lays out the module folder (and compiles the help) after it builds; MSBuild skips what is up to date.
    Invoke-Dotnet build (Join-Path $root 'src/Altostrat.PowerShell/Altostrat.PowerShell.csproj') -c $Configuration --nologo -v quiet
    Write-Host "Module: $moduleDir"
}

function Get-EmulatorDll {
    Invoke-Dotnet build (Join-Path $root 'src/Altostrat.Emulator/Altostrat.Emulator.csproj') -c $Configuration --nologo -v quiet
    Join-Path $root "src/Altostrat.Emulator/bin/$Configuration/net10.0/Altostrat.Emulator.dll"
}

function Get-PesterManifest {
    # Pester comes from the project's own restore (tools/Pester), never from whatever the machine has installed.
    $project = Join-Path $root 'tools/Pester/Pester.Restore.csproj'
    Invoke-Dotnet restore $project --nologo -v quiet
    $assets = Get-Content (Join-Path $root 'tools/Pester/obj/project.assets.json') -Raw | ConvertFrom-Json
    $packages = @($assets.packageFolders.PSObject.Properties.Name)[0]
    $version = @($assets.project.frameworks.PSObject.Properties.Value.downloadDependencies | Where-Object name -eq 'Pester')[0].version.Trim('[', ']').Split(',')[0].Trim()
    $manifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $version was restored, but $manifest is missing." }
    $manifest
}

# Counts from dotnet test's summary line ("Passed!  - Failed: 0, Passed: 375, Skipped: 0, ...").
function Get-XunitCounts([string[]] $Lines) {
    $summary = @($Lines | Where-Object { $_ -match '^\s*(Passed|Failed)!\s+-\s+Failed:' }) | Select-Object -Last 1
    if (-not $summary) { return $null }
    [pscustomobject]@{
        Passed  = [int]([regex]::Match($summary, 'Passed:\s*(\d+)').Groups[1].Value)
        Failed  = [int]([regex]::Match($summary, 'Failed:\s*(\d+)').Groups[1].Value)
        Skipped = [int]([regex]::Match($summary, 'Skipped:\s*(\d+)').Groups[1].Value)
    }
}

function Invoke-XunitSuite {
    & dotnet test (Join-Path $root 'Altostrat.PowerShell.sln') -c $Configuration 2>&1 | ForEach-Object { "$_" } | Tee-Object -Variable captured | Out-Host
    $status = $LASTEXITCODE
    $counts = Get-XunitCounts $captured
    if ($counts) { Write-Host "xunit: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped" }
    if ($status -ne 0) { throw "dotnet test failed with exit code $status." }
    if (-not $counts) { throw 'dotnet test printed no summary: no test ran.' }
    $counts
}

function Invoke-PesterSuite {
    Invoke-Build
    $pester = Get-PesterManifest
    $env:ALTOSTRAT_MODULE_MANIFEST = Join-Path $moduleDir 'Altostrat.psd1'
    $env:ALTOSTRAT_EMULATOR_DLL = Get-EmulatorDll
    $pesterDir = Join-Path $root 'tests/Pester'
    $resultPath = Join-Path $root 'out/pester-results.xml'
    Remove-Item $resultPath -ErrorAction SilentlyContinue
    # A fresh pwsh, so the suite imports the module into a clean session. Run.Exit makes failures fail the process.
    $command = @"
Import-Module '$pester'
`$c = New-PesterConfiguration
`$c.Run.Path = '$pesterDir'
`$c.Run.Exit = `$true
`$c.Output.Verbosity = 'Detailed'
`$c.TestResult.Enabled = `$true
`$c.TestResult.OutputFormat = 'NUnitXml'
`$c.TestResult.OutputPath = '$resultPath'
Invoke-Pester -Configuration `$c
"@
    Invoke-FreshPwsh -NoProfile -NonInteractive -Command $command | Out-Host
    $status = $LASTEXITCODE
    if (-not (Test-Path $resultPath)) { throw "Pester wrote no result ($status): the run failed before any test." }
    $results = ([xml](Get-Content $resultPath -Raw)).'test-results'
    $skipped = [int]$results.skipped + [int]$results.ignored + [int]$results.'not-run' + [int]$results.inconclusive
    $counts = [pscustomobject]@{
        Passed  = [int]$results.total - [int]$results.failures - [int]$results.errors - [int]$results.'not-run' - [int]$results.inconclusive - [int]$results.ignored - [int]$results.skipped
        Failed  = [int]$results.failures + [int]$results.errors
        Skipped = $skipped
    }
    Write-Host "pester: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
    if ($status -ne 0 -or $counts.Failed -gt 0) { throw "Pester failed ($status failing test(s) or a run error)." }
    if ($counts.Passed -eq 0) { throw 'Pester ran no test.' }
    $counts
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Help' { Invoke-Build; Write-Host "Help: $(Join-Path $moduleDir 'en-US')" }
    'Test' {
        $xunit = Invoke-XunitSuite
        $pester = Invoke-PesterSuite
        # The plain closing line CI reads: both suites together.
        '{0} passed, {1} failed, {2} skipped' -f ($xunit.Passed + $pester.Passed), ($xunit.Failed + $pester.Failed), ($xunit.Skipped + $pester.Skipped) | Write-Host
    }
    'Pester' { $null = Invoke-PesterSuite }
    'Package' {
        Invoke-Build
        $repo = Join-Path $root 'out/repository'
        New-Item -ItemType Directory -Force -Path $repo | Out-Null
        # A rebuild of the same version replaces the package: publishing refuses a version the repository has.
        Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $repo "Altostrat.$version.nupkg")
        $name = 'AltostratLocalBuild'
        if (Get-PSResourceRepository -Name $name -ErrorAction SilentlyContinue) { Unregister-PSResourceRepository -Name $name }
        Register-PSResourceRepository -Name $name -Uri $repo -Trusted
        try {
            # Publish-PSResource wants the folder named like the module.
            $staging = Join-Path $root 'out/staging/Altostrat'
            Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $staging
            Copy-Item -Recurse $moduleDir $staging
            # From out/: with no NuGet configuration of the user's, PSResourceGet writes one into the current folder.
            Push-Location (Join-Path $root 'out')
            try { Publish-PSResource -Path $staging -Repository $name }
            finally { Pop-Location }
        }
        finally { Unregister-PSResourceRepository -Name $name }
        Get-ChildItem $repo -Filter *.nupkg | ForEach-Object { Write-Host "Package: $($_.FullName)" }
        Write-Host "Install it with: Register-PSResourceRepository -Name Local -Uri '$repo' -Trusted; Install-PSResource Altostrat -Repository Local"
    }
    'Demo' {
        Invoke-Build
        & (Join-Path $root 'scripts/Demo.ps1') -ModuleManifest (Join-Path $moduleDir 'Altostrat.psd1') -EmulatorDll (Get-EmulatorDll)
    }
    'Bench' {
        Invoke-Build
        & (Join-Path $root 'bench/Measure-Module.ps1') -ModuleManifest (Join-Path $moduleDir 'Altostrat.psd1') -Configuration $Configuration
        & (Join-Path $root 'bench/Measure-SdxFanOut.ps1') -ModuleManifest (Join-Path $moduleDir 'Altostrat.psd1') -Configuration $Configuration
        & (Join-Path $root 'bench/Measure-RouterConfiguration.ps1') -ModuleManifest (Join-Path $moduleDir 'Altostrat.psd1') -Configuration $Configuration
    }
    'Clean' {
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $root 'out')
        Invoke-Dotnet clean (Join-Path $root 'Altostrat.PowerShell.sln') -c $Configuration --nologo -v quiet
    }
}
