# Dot-sourced by every *.Tests.ps1 in its BeforeAll: starts an emulator of its own (fresh state for each file),
# imports the built module and connects. build.ps1 -Task Pester sets the two environment variables; by hand: build
# first, then set ALTOSTRAT_MODULE_MANIFEST and ALTOSTRAT_EMULATOR_DLL.
$manifest = $env:ALTOSTRAT_MODULE_MANIFEST
$emulatorDll = $env:ALTOSTRAT_EMULATOR_DLL
if (-not $manifest -or -not (Test-Path $manifest)) { throw 'Set ALTOSTRAT_MODULE_MANIFEST to the built Altostrat.psd1 (./build.ps1 -Task Pester does).' }
if (-not $emulatorDll -or -not (Test-Path $emulatorDll)) { throw 'Set ALTOSTRAT_EMULATOR_DLL to the built Altostrat.Emulator.dll (./build.ps1 -Task Pester does).' }

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $script:RepositoryRoot 'scripts/Emulator.psm1') -Force
Import-Module (Join-Path $script:RepositoryRoot 'scripts/FreshPwsh.psm1') -Force

$script:Token = 'pester-SECRET-token-8c1f'
# A file that needs other emulator options sets $EmulatorArguments before dot-sourcing this; the last of a repeated
# option wins.
$extraArguments = if (Get-Variable -Name EmulatorArguments -Scope Local -ErrorAction Ignore) { @($EmulatorArguments) } else { @() }
$script:Emulator = Start-BuiltEmulator -EmulatorDll $emulatorDll -ArgumentList (@(
    '--token', $script:Token, '--auto-approve-seconds', '0.5', '--site-run-seconds', '1', '--fail-site', 'site_emu0002') + $extraArguments)
$script:ApiUrl = $script:Emulator.Url
# Each site's simulated router, by site id: site_emu0001 = '127.0.0.1:40123'.
$script:Routers = $script:Emulator.Routers
if ($script:Routers.Count -lt 5) { throw "The emulator listed no simulated routers: $(Get-Content $script:Emulator.Log -Raw)" }
$script:RouterCredential = [pscredential]::new('admin', [securestring]::new())

Import-Module $manifest -Force
$script:SecureToken = ConvertTo-SecureString $script:Token -AsPlainText -Force
Connect-Altostrat -ApiUrl $script:ApiUrl -Token $script:SecureToken

function script:Get-ScriptCount { @(Get-AltoScheduledScript).Count }
