# Starts and stops the emulator built from source for build.ps1's tasks, the Demo, the benchmarks and the Pester
# suite, with any of its options (seeded scripts, latency, failing sites): one home for how a script finds a running
# emulator (its --ready-file, never the human banner). Users start the module's own copy with Start-AltoEmulator.
Set-StrictMode -Version Latest

function Start-BuiltEmulator {
    <#
    .SYNOPSIS
        Starts the built emulator on free ports and returns its process, API URL, token and routers once it listens.
    .PARAMETER EmulatorDll
        The built Altostrat.Emulator.dll.
    .PARAMETER ArgumentList
        Emulator options (see its --help); --port 0 and --router-base-port 0 are added unless given.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $EmulatorDll,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 60
    )
    if (-not (Test-Path $EmulatorDll)) { throw "The emulator is not built: $EmulatorDll does not exist." }
    $ready = Join-Path ([IO.Path]::GetTempPath()) "altostrat-emulator-$([guid]::NewGuid().ToString('n')).json"
    $log = New-TemporaryFile
    $arguments = @($EmulatorDll)
    if ($ArgumentList -notcontains '--port') { $arguments += '--port', '0' }
    if ($ArgumentList -notcontains '--router-base-port' -and $ArgumentList -notcontains '--no-routers') { $arguments += '--router-base-port', '0' }
    $arguments += @($ArgumentList) + @('--ready-file', $ready)
    $process = Start-Process dotnet -ArgumentList $arguments -RedirectStandardOutput $log -PassThru -NoNewWindow
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (Test-Path $ready)) {
        if ($process.HasExited -or [datetime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
            throw "The emulator did not start: $(Get-Content $log -Raw)"
        }
        Start-Sleep -Milliseconds 100
    }
    $info = Get-Content $ready -Raw | ConvertFrom-Json -AsHashtable
    Remove-Item $ready
    $routers = [ordered]@{}
    foreach ($site in ($info.routers.Keys | Sort-Object)) { $routers[$site] = $info.routers[$site] }
    [pscustomobject]@{
        PSTypeName = 'Altostrat.TestEmulator'
        Process    = $process
        Url        = $info.apiUrl
        Token      = $info.token
        Routers    = $routers
        Log        = $log.FullName
    }
}

function Stop-BuiltEmulator {
    <# .SYNOPSIS Stops an emulator that Start-BuiltEmulator started and removes its log. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [AllowNull()] $Emulator)
    process {
        if ($null -eq $Emulator) { return }
        if (-not $Emulator.Process.HasExited) {
            Stop-Process -Id $Emulator.Process.Id -ErrorAction SilentlyContinue
            $Emulator.Process.WaitForExit(10000) | Out-Null
        }
        Remove-Item $Emulator.Log -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Start-BuiltEmulator, Stop-BuiltEmulator
