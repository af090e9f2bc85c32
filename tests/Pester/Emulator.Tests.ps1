#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Start-AltoEmulator and Stop-AltoEmulator: the emulator that comes in the built module's emulator folder, run as a
# user runs it (no emulator of the test session: each test starts and stops its own).

BeforeAll {
    $manifest = $env:ALTOSTRAT_MODULE_MANIFEST
    if (-not $manifest -or -not (Test-Path $manifest)) { throw 'Set ALTOSTRAT_MODULE_MANIFEST to the built Altostrat.psd1 (./build.ps1 -Task Pester does).' }
    Import-Module $manifest -Force
    Import-Module (Join-Path $PSScriptRoot '../../scripts/FreshPwsh.psm1') -Force
    $script:Admin = [pscredential]::new('admin', [securestring]::new())
    function script:Test-ProcessRunning([int] $Id) { $null -ne (Get-Process -Id $Id -ErrorAction Ignore) }
    # Waits, at most that long, for a process to end (one killed, or one that ends with its owner).
    function script:Wait-ProcessEnd([int] $Id, [int] $Seconds) {
        $deadline = [datetime]::UtcNow.AddSeconds($Seconds)
        while ((Test-ProcessRunning $Id) -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
    }
    # The emulators this PowerShell started: each is told to end with it (--exit-with and this process id, its last argument).
    function script:Get-OwnEmulatorProcess { @(Get-Process dotnet -ErrorAction Ignore | Where-Object CommandLine -Like "*Altostrat.Emulator.dll*--exit-with $PID") }
}

AfterAll {
    Stop-AltoEmulator -Confirm:$false
    Remove-Module Altostrat -ErrorAction SilentlyContinue
}

Describe 'Start-AltoEmulator' {
    AfterEach { Stop-AltoEmulator -Confirm:$false }

    It 'starts the emulator of the module folder, connects to it, and its sites and routers answer' {
        $emulator = Start-AltoEmulator -SiteCount 2
        $emulator.Running | Should -BeTrue
        Test-ProcessRunning $emulator.ProcessId | Should -BeTrue
        $emulator.Routers.Count | Should -Be 2
        (Get-AltoContext).ApiUrl | Should -Be $emulator.ApiUrl
        (Get-AltoContext).TokenSource | Should -Be 'Emulator'
        @(Get-AltoSite).SiteId | Should -Be $emulator.Routers.SiteId
        # The routers bind by property name (ComputerName) to the router cmdlets.
        $identities = $emulator.Routers | Invoke-AltoRouterCommand -Command /system/identity/print -Credential $script:Admin
        @($identities).Count | Should -Be 2
        $identities.ComputerName | Sort-Object | Should -Be ($emulator.Routers.ComputerName | Sort-Object)
    }

    It 'never shows its token: a SecureString in the result, and in no stream' {
        $emulator = Start-AltoEmulator -SiteCount 1 -Verbose 4>&1 | Tee-Object -Variable streams | Where-Object { $_ -is [Altostrat.PowerShell.AltoEmulator] }
        $token = [System.Net.NetworkCredential]::new('', $emulator.Token).Password
        $token | Should -Match '^emu-[0-9a-f]{48}$' -Because 'each start makes up a token of its own'
        ($streams | Out-String) + ($emulator | Format-List * | Out-String) | Should -Not -Match $token
        # The token works, and is what the session connected with.
        Connect-Altostrat -ApiUrl $emulator.ApiUrl -Token $emulator.Token
        @(Get-AltoSite).Count | Should -Be 1
    }

    It 'keeps the current connection with -NoConnect, and starts nothing with -WhatIf' {
        $first = Start-AltoEmulator -SiteCount 1
        $second = Start-AltoEmulator -SiteCount 3 -NoConnect
        (Get-AltoContext).ApiUrl | Should -Be $first.ApiUrl
        $second.ApiUrl | Should -Not -Be $first.ApiUrl

        (Get-OwnEmulatorProcess).Count | Should -Be 2
        Start-AltoEmulator -WhatIf | Should -BeNullOrEmpty
        (Get-OwnEmulatorProcess).Count | Should -Be 2
        (Get-AltoContext).ApiUrl | Should -Be $first.ApiUrl
    }

    It 'keeps its state in a -DatabasePath file from one start to the next' {
        $database = Join-Path ([IO.Path]::GetTempPath()) "altostrat-emulator-$(Get-Random).db"
        try {
            Start-AltoEmulator -SiteCount 2 -DatabasePath $database | Out-Null
            Stop-AltoEmulator -Confirm:$false
            $database | Should -Exist
            # A file that holds sites keeps its own: the new -SiteCount applies to a new state only.
            $again = Start-AltoEmulator -SiteCount 4 -DatabasePath $database
            $again.DatabasePath | Should -Be $database
            @(Get-AltoSite).Count | Should -Be 2
        }
        finally {
            Stop-AltoEmulator -Confirm:$false
            Remove-Item $database -ErrorAction Ignore
        }
    }

    It 'refuses a -DatabasePath in a missing folder before starting anything' {
        { Start-AltoEmulator -DatabasePath (Join-Path ([IO.Path]::GetTempPath()) "no-such-folder-$(Get-Random)/state.db") -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratEmulator.InvalidDatabasePath*' -ExpectedMessage '*folder that does not exist*'
        Get-OwnEmulatorProcess | Should -BeNullOrEmpty
    }

    It 'takes a relative -DatabasePath from the file system location, wherever the session stands' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) "altostrat-db-$(Get-Random)"
        New-Item -ItemType Directory -Path $folder | Out-Null
        Push-Location $folder
        try {
            Set-Location Variable:
            $emulator = Start-AltoEmulator -SiteCount 1 -DatabasePath state.db -NoConnect
            $emulator.DatabasePath | Should -Be (Join-Path $folder 'state.db')
            Join-Path $folder 'state.db' | Should -Exist
        }
        finally {
            Stop-AltoEmulator -Confirm:$false
            Pop-Location
            Remove-Item -Recurse -Force $folder -ErrorAction Ignore
        }
    }

    It 'refuses a port another program holds, before starting anything' {
        $taken = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $taken.Start()
        try {
            { Start-AltoEmulator -Port $taken.LocalEndpoint.Port -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratEmulator.PortInUse*' -ExpectedMessage "*Port $($taken.LocalEndpoint.Port)*in use*"
            Get-OwnEmulatorProcess | Should -BeNullOrEmpty
        }
        finally { $taken.Stop() }
    }

    It 'says what to install when there is no dotnet to run it' {
        { Start-AltoEmulator -DotnetPath (Join-Path ([IO.Path]::GetTempPath()) 'no-such-dotnet') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratEmulator.RuntimeMissing*' -ExpectedMessage '*ASP.NET Core Runtime 10*'
    }

    It 'refuses a RouterOS version that is not one' {
        foreach ($version in 'latest', "7.16`n", '99999999999.1') {
            { Start-AltoEmulator -RouterVersion $version -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        }
    }
}

Describe 'Stop-AltoEmulator' {
    It 'stops the emulator given, ends its process, and disconnects the session that used it' {
        $kept = Start-AltoEmulator -SiteCount 1 -NoConnect
        $stopped = Start-AltoEmulator -SiteCount 1
        $passed = $stopped | Stop-AltoEmulator -Confirm:$false -PassThru
        $passed.ProcessId | Should -Be $stopped.ProcessId
        $stopped.Running | Should -BeFalse
        Test-ProcessRunning $stopped.ProcessId | Should -BeFalse
        $kept.Running | Should -BeTrue
        { Get-AltoSite -ErrorAction Stop } | Should -Throw -ErrorId 'Altostrat.NotConnected*' -ExpectedMessage '*Stop-AltoEmulator*'
        Stop-AltoEmulator -Confirm:$false
        $kept.Running | Should -BeFalse
    }

    It 'disconnects from an emulator killed from outside, and from one reached as localhost' {
        $killed = Start-AltoEmulator -SiteCount 1
        Stop-Process -Id $killed.ProcessId -Force
        Wait-ProcessEnd $killed.ProcessId 10
        # Said at once, not after the retries of a refused connection.
        { Get-AltoSite -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratEmulator.Ended*' -ExpectedMessage "*process $($killed.ProcessId)) is no longer running*"
        Stop-AltoEmulator -Confirm:$false
        (Get-AltoContext).Connected | Should -BeFalse -Because 'the session must stop sending its token to a port another program may take next'

        $emulator = Start-AltoEmulator -SiteCount 1
        Connect-Altostrat -ApiUrl "http://localhost:$($emulator.ApiUrl.Port)" -Token $emulator.Token
        Stop-AltoEmulator -Confirm:$false
        (Get-AltoContext).Connected | Should -BeFalse
    }

    It 'takes a new emulator on the port of one killed from outside for what that port means now' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $killed = Start-AltoEmulator -SiteCount 1 -Port $port
        Stop-Process -Id $killed.ProcessId -Force
        Wait-ProcessEnd $killed.ProcessId 10
        $fresh = Start-AltoEmulator -SiteCount 2 -Port $port
        @(Get-AltoSite).Count | Should -Be 2
        # Stopping the dead one leaves the session with the one that runs there now.
        $killed | Stop-AltoEmulator -Confirm:$false
        (Get-AltoContext).ApiUrl | Should -Be $fresh.ApiUrl
        @(Get-AltoSite).Count | Should -Be 2
    }

    It 'stops nothing with -WhatIf' {
        $emulator = Start-AltoEmulator -SiteCount 1
        Stop-AltoEmulator -WhatIf
        $emulator.Running | Should -BeTrue
        @(Get-AltoSite).Count | Should -Be 1
        Stop-AltoEmulator -Confirm:$false
    }

    It 'ends the emulators of a PowerShell that ends without stopping them' {
        $output = Invoke-FreshPwsh -NoProfile -NonInteractive -Command "Import-Module '$env:ALTOSTRAT_MODULE_MANIFEST'; (Start-AltoEmulator -SiteCount 1 -NoConnect).ProcessId"
        $LASTEXITCODE | Should -Be 0
        $id = [int]($output | Select-Object -Last 1)
        $id | Should -BeGreaterThan 0
        Wait-ProcessEnd $id 15
        Test-ProcessRunning $id | Should -BeFalse -Because 'the emulator ends with the PowerShell that started it'
    }
}

