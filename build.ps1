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

function Invoke-PesterSuite {
    Invoke-Build
    if (-not (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0')) {
        throw 'Pester 5 is required: Install-PSResource Pester (or Install-Module Pester -MinimumVersion 5.0).'
    }
    Invoke-Dotnet build (Join-Path $root 'src/Altostrat.Emulator/Altostrat.Emulator.csproj') -c $Configuration --nologo -v quiet
    $env:ALTOSTRAT_MODULE_MANIFEST = Join-Path $moduleDir 'Altostrat.psd1'
    $env:ALTOSTRAT_EMULATOR_DLL = Join-Path $root "src/Altostrat.Emulator/bin/$Configuration/net10.0/Altostrat.Emulator.dll"
    $pesterDir = Join-Path $root 'tests/Pester'
    $resultPath = Join-Path $root 'out/pester-results.xml'
    # A fresh pwsh, so the suite imports the module into a clean session. Run.Exit makes failures fail the process.
    $command = @"
Import-Module Pester -MinimumVersion 5.0
`$c = New-PesterConfiguration
`$c.Run.Path = '$pesterDir'
`$c.Run.Exit = `$true
`$c.Output.Verbosity = 'Detailed'
`$c.TestResult.Enabled = `$true
`$c.TestResult.OutputPath = '$resultPath'
Invoke-Pester -Configuration `$c
"@
    & pwsh -NoProfile -NonInteractive -Command $command
    if ($LASTEXITCODE -ne 0) { throw "Pester failed ($LASTEXITCODE failing test(s) or a run error)." }
}

function Start-Emulator([string[]] $Arguments) {
    Invoke-Dotnet build (Join-Path $root 'src/Altostrat.Emulator/Altostrat.Emulator.csproj') -c $Configuration --nologo -v quiet
    $dll = Join-Path $root "src/Altostrat.Emulator/bin/$Configuration/net10.0/Altostrat.Emulator.dll"
    $out = New-TemporaryFile
    $process = Start-Process dotnet -ArgumentList (@($dll) + $Arguments) -RedirectStandardOutput $out -PassThru -NoNewWindow
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    # The banner ends with the connect hint, after the API URL and the list of simulated routers.
    while (-not (Select-String -Path $out -Pattern '^Connect from PowerShell' -Quiet)) {
        if ($process.HasExited -or [datetime]::UtcNow -gt $deadline) { throw "The emulator did not start: $(Get-Content $out -Raw)" }
        Start-Sleep -Milliseconds 200
    }
    $url = ((Select-String -Path $out -Pattern '^ApiUrl: (.+)$').Matches[0].Groups[1].Value).Trim()
    $token = ((Select-String -Path $out -Pattern '^Token: (.+)$').Matches[0].Groups[1].Value).Trim()
    $routers = (Select-String -Path $out -Pattern '^\s+site_emu\d+ (127\.0\.0\.1:\d+)\s*$').Matches | ForEach-Object { $_.Groups[1].Value }
    [pscustomobject]@{ Process = $process; Url = $url; Token = $token; Routers = @($routers) }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Help' { Invoke-Build; Write-Host "Help: $(Join-Path $moduleDir 'en-US')" }
    'Test' {
        Invoke-Dotnet test (Join-Path $root 'Altostrat.PowerShell.sln') -c $Configuration
        Invoke-PesterSuite
    }
    'Pester' { Invoke-PesterSuite }
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
            Publish-PSResource -Path $staging -Repository $name
        }
        finally { Unregister-PSResourceRepository -Name $name }
        Get-ChildItem $repo -Filter *.nupkg | ForEach-Object { Write-Host "Package: $($_.FullName)" }
        Write-Host "Install it with: Register-PSResourceRepository -Name Local -Uri '$repo' -Trusted; Install-PSResource Altostrat -Repository Local"
    }
    'Demo' {
        Invoke-Build
        $emulator = Start-Emulator @('--port', '0', '--auto-approve-seconds', '2', '--fail-site', 'site_emu0004', '--router-base-port', '0')
        try {
            Import-Module (Join-Path $moduleDir 'Altostrat.psd1') -Force
            Connect-Altostrat -ApiUrl $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force)
            Write-Host "`n== Connected to the local emulator" -ForegroundColor Cyan
            Get-AltoContext | Format-List | Out-Host
            Write-Host '== Sites' -ForegroundColor Cyan
            Get-AltoSite | Format-Table | Out-Host
            Write-Host "== New-AltoAiScript 'set identity to branch-router'" -ForegroundColor Cyan
            $ai = New-AltoAiScript -Prompt 'set identity to branch-router'
            $ai | Format-Table | Out-Host
            Write-Host '== Get-AltoSite | New-AltoScheduledScript (one schedule, all sites, in 5 seconds)' -ForegroundColor Cyan
            $scheduled = Get-AltoSite | New-AltoScheduledScript -Description 'Rename routers' -Script $ai.Script -LaunchAt (Get-Date).AddSeconds(5) -MakeBackup
            $scheduled | Format-Table | Out-Host
            Write-Host '== Approve-AltoScheduledScript -Wait' -ForegroundColor Cyan
            $scheduled | Approve-AltoScheduledScript -Wait -PollIntervalSeconds 0.5 | Format-Table | Out-Host
            Write-Host '== Wait-AltoScheduledScript (per-site results)' -ForegroundColor Cyan
            $results = $scheduled | Wait-AltoScheduledScript -PollIntervalSeconds 0.5
            $results | Format-Table | Out-Host
            Write-Host '== Retry the failed sites as asynchronous jobs' -ForegroundColor Cyan
            $results | Where-Object State -eq Failed | Invoke-AltoRouterScript -Script $ai.Script -Description 'Retry rename' | Format-Table | Out-Host
            Write-Host '== Get-AltoScheduledScript' -ForegroundColor Cyan
            Get-AltoScheduledScript | Format-Table | Out-Host
            Write-Host '== The same fleet directly over the RouterOS API: Invoke-AltoRouterCommand' -ForegroundColor Cyan
            $cred = [pscredential]::new('admin', [securestring]::new())
            $emulator.Routers | Invoke-AltoRouterCommand -Credential $cred -Command /system/identity/print | Format-Table ComputerName, name | Out-Host
            $addressScript = '/ip address add address=10.250.0.1/24 interface=ether3'
            Write-Host "== Test-AltoRouterScript: changing /ip address is destructive, so the cmdlets ask before sending it" -ForegroundColor Cyan
            Test-AltoRouterScript -Script $addressScript | Out-Host
            Write-Host '== Invoke-AltoRouterScript -ComputerName -Force (reviewed above; backup first, one result per router)' -ForegroundColor Cyan
            $direct = $emulator.Routers | Invoke-AltoRouterScript -Credential $cred -Script $addressScript -MakeBackup -Force -ErrorAction SilentlyContinue
            $direct | Format-Table | Out-Host
        }
        finally {
            Stop-Process -Id $emulator.Process.Id -ErrorAction SilentlyContinue
        }
    }
    'Bench' {
        Invoke-Build
        & (Join-Path $root 'bench/Measure-Module.ps1') -ModuleManifest (Join-Path $moduleDir 'Altostrat.psd1') -Configuration $Configuration
        & (Join-Path $root 'bench/Measure-SdxFanOut.ps1') -ModuleManifest (Join-Path $moduleDir 'Altostrat.psd1') -Configuration $Configuration
    }
    'Clean' {
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $root 'out')
        Invoke-Dotnet clean (Join-Path $root 'Altostrat.PowerShell.sln') -c $Configuration --nologo -v quiet
    }
}
