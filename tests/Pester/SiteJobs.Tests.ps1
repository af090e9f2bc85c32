#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Runs the built module against the local emulator. build.ps1 -Task Pester sets the two environment variables;
# by hand: build first, then set ALTOSTRAT_MODULE_MANIFEST and ALTOSTRAT_EMULATOR_DLL.
# The BeforeAll below duplicates the minimal start-up of Altostrat.Tests.ps1 (to be moved into a shared helper).

BeforeAll {
    $manifest = $env:ALTOSTRAT_MODULE_MANIFEST
    $emulatorDll = $env:ALTOSTRAT_EMULATOR_DLL
    if (-not $manifest -or -not (Test-Path $manifest)) { throw 'Set ALTOSTRAT_MODULE_MANIFEST to the built Altostrat.psd1 (./build.ps1 -Task Pester does).' }
    if (-not $emulatorDll -or -not (Test-Path $emulatorDll)) { throw 'Set ALTOSTRAT_EMULATOR_DLL to the built Altostrat.Emulator.dll (./build.ps1 -Task Pester does).' }

    $script:Token = 'pester-SECRET-token-8c1f'
    $script:EmulatorLog = New-TemporaryFile
    $script:Emulator = Start-Process dotnet -PassThru -NoNewWindow -RedirectStandardOutput $script:EmulatorLog -ArgumentList @(
        $emulatorDll, '--port', '0', '--token', $script:Token, '--router-base-port', '0', '--site-run-seconds', '1', '--fail-site', 'site_emu0002', '--job-start-seconds', '3')
    $deadline = (Get-Date).AddSeconds(30)
    while (-not (Select-String -Path $script:EmulatorLog -Pattern '^Connect from PowerShell' -Quiet)) {
        if ($script:Emulator.HasExited -or (Get-Date) -gt $deadline) { throw "The emulator did not start: $(Get-Content $script:EmulatorLog -Raw)" }
        Start-Sleep -Milliseconds 200
    }
    $script:ApiUrl = (Select-String -Path $script:EmulatorLog -Pattern '^ApiUrl: (.+)$').Matches[0].Groups[1].Value.Trim()

    Import-Module $manifest -Force
    Connect-Altostrat -ApiUrl $script:ApiUrl -Token (ConvertTo-SecureString $script:Token -AsPlainText -Force)
}

AfterAll {
    Disconnect-Altostrat
    Remove-Module Altostrat -ErrorAction SilentlyContinue
    if ($script:Emulator -and -not $script:Emulator.HasExited) { Stop-Process -Id $script:Emulator.Id }
    Remove-Item $script:EmulatorLog -ErrorAction SilentlyContinue
}

Describe 'Site jobs' {
    It 'waits for queued jobs and pipes the failed ones on' {
        $failed = Invoke-AltoRouterScript -SiteId site_emu0001, site_emu0002 -Script '/system identity print' -Description 'Pester jobs' |
            Wait-AltoSiteJob -PollIntervalSeconds 0.5 -Timeout 120 | Where-Object State -eq Failed
        @($failed).Count | Should -Be 1
        $failed.SiteId | Should -Be 'site_emu0002'
    }

    It 'lists jobs by site and state' {
        @(Get-AltoSite | Get-AltoSiteJob -State Completed).SiteId | Should -Contain 'site_emu0001'
        Get-AltoSiteJob -SiteId site_emu0001 -State Failed | Should -BeNullOrEmpty
    }

    It 'cancels a job that has not started and says so for one that has' {
        $job = Invoke-AltoRouterScript -SiteId site_emu0003 -Script '/system identity print' -Description 'Pester cancel'
        $cancelled = $job | Stop-AltoSiteJob -PassThru -Confirm:$false
        $cancelled.State | Should -Be 'Cancelled'
        $done = Get-AltoSiteJob -SiteId site_emu0001 -State Completed | Select-Object -First 1
        $done | Stop-AltoSiteJob -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.SiteJobAlreadyStarted*'
    }

    It 'fits its table view in 80 columns' {
        $job = Get-AltoSiteJob -SiteId site_emu0001 | Select-Object -First 1
        foreach ($line in (($job | Out-String -Width 80) -split "`n")) { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
        ($job | Out-String -Width 120) | Should -Match 'site_emu0001'
    }
}

Describe 'Live commands through SDX' {
    It 'runs a read-only command on piped sites, each row with its SiteId' {
        $rows = Get-AltoSite | Select-Object -First 2 | Invoke-AltoRouterCommand -Command /ip/address/print
        @($rows).Count | Should -Be 2
        $rows.SiteId | Sort-Object | Should -Be @('site_emu0001', 'site_emu0002')
        $rows | ForEach-Object address | Should -Be @('192.168.88.1/24', '192.168.88.1/24')
    }

    It 'refuses a command that changes the router before sending' {
        { Invoke-AltoRouterCommand -SiteId site_emu0001 -Command /ip/address/remove -Parameter @{ '.id' = '*1' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratSdx.CommandNotReadOnly*'
    }
}
