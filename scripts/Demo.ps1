#Requires -Version 7.2
<#
.SYNOPSIS
    Walks the module's main job against the local emulator: an AI-written script scheduled on every site, approved,
    followed site by site, the failed site retried as a job; then the same fleet directly over the RouterOS API, and
    desired state on it (compare, apply in safe mode, a lockout rolled back).
.DESCRIPTION
    build.ps1 -Task Demo builds the module and the emulator and runs this script.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorDll
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
$emulator = Start-BuiltEmulator -EmulatorDll $EmulatorDll -ArgumentList '--auto-approve-seconds', '2', '--fail-site', 'site_emu0004'

function Show([string] $Title) { Write-Host "`n== $Title" -ForegroundColor Cyan }

try {
    Import-Module $ModuleManifest -Force
    Connect-Altostrat -ApiUrl $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force)
    Show 'Connected to the local emulator'
    Get-AltoContext | Format-List | Out-Host
    Show 'Sites'
    Get-AltoSite | Format-Table | Out-Host
    Show "New-AltoAiScript 'set identity to branch-router'"
    $ai = New-AltoAiScript -Prompt 'set identity to branch-router'
    $ai | Format-Table | Out-Host
    Show 'Get-AltoSite | New-AltoScheduledScript (one schedule, all sites, in 5 seconds)'
    $scheduled = Get-AltoSite | New-AltoScheduledScript -Description 'Rename routers' -Script $ai.Script -LaunchAt (Get-Date).AddSeconds(5) -MakeBackup
    $scheduled | Format-Table | Out-Host
    Show 'Approve-AltoScheduledScript -Wait'
    $scheduled | Approve-AltoScheduledScript -Wait -PollIntervalSeconds 0.5 | Format-Table | Out-Host
    Show 'Wait-AltoScheduledScript (per-site results)'
    $results = $scheduled | Wait-AltoScheduledScript -PollIntervalSeconds 0.5
    $results | Format-Table | Out-Host
    Show 'Retry the failed sites as asynchronous jobs'
    $results | Where-Object State -eq Failed | Invoke-AltoRouterScript -Script $ai.Script -Description 'Retry rename' | Format-Table | Out-Host
    Show 'Get-AltoScheduledScript'
    Get-AltoScheduledScript | Format-Table | Out-Host

    Show 'The same fleet directly over the RouterOS API: Invoke-AltoRouterCommand'
    $cred = [pscredential]::new('admin', [securestring]::new())
    $routers = @($emulator.Routers.Values)
    $routers | Invoke-AltoRouterCommand -Credential $cred -Command /system/identity/print | Format-Table ComputerName, name | Out-Host
    $addressScript = '/ip address add address=10.250.0.1/24 interface=ether3'
    Show 'Test-AltoRouterScript: changing /ip address is destructive, so the cmdlets ask before sending it'
    Test-AltoRouterScript -Script $addressScript | Out-Host
    Show 'Invoke-AltoRouterScript -ComputerName -Force (reviewed above; backup first, one result per router)'
    $routers | Invoke-AltoRouterScript -Credential $cred -Script $addressScript -MakeBackup -Force -ErrorAction SilentlyContinue | Format-Table | Out-Host

    Show 'Desired state: what differs from the document on each router (Compare-AltoRouterConfiguration)'
    $desired = [ordered]@{
        '/ip/dns'                   = @{ servers = '9.9.9.9,1.1.1.1' }
        '/ip/firewall/address-list' = @{ Key = 'list', 'address'; Absent = 'Remove'; Entries = @(
                @{ list = 'block'; address = '192.0.2.1'; comment = 'demo' }, @{ list = 'block'; address = '192.0.2.2' }) }
    }
    $routers | Compare-AltoRouterConfiguration -Credential $cred -DesiredState $desired | Format-Table | Out-Host
    Show 'Set-AltoRouterConfiguration -SafeMode, then again: the second run writes nothing'
    $routers | Set-AltoRouterConfiguration -Credential $cred -DesiredState $desired -SafeMode | Format-Table | Out-Host
    $routers | Set-AltoRouterConfiguration -Credential $cred -DesiredState $desired | Format-Table | Out-Host
    Show 'A change that cuts the module off (the api service disabled) in safe mode: the router rolls it back'
    $cutOff = @{ '/ip/service' = @{ Key = 'name'; Entries = @(@{ name = 'api'; disabled = 'yes' }) } }
    # Rolled back is an error for that router (nothing asked for happened); the table says so here.
    Set-AltoRouterConfiguration $routers[0] -Credential $cred -DesiredState $cutOff -SafeMode -Force -ErrorAction SilentlyContinue | Format-Table | Out-Host
    Invoke-AltoRouterCommand $routers[0] -Credential $cred -Command /ip/service/print -Query name=api | Format-Table ComputerName, name, disabled | Out-Host
}
finally {
    Disconnect-Altostrat -ErrorAction SilentlyContinue
    Stop-BuiltEmulator $emulator
}
