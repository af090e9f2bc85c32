#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Site jobs (Get-, Stop-, Wait-AltoSiteJob) and live commands through SDX (Invoke-AltoRouterCommand -SiteId), against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll {
    $EmulatorArguments = '--job-start-seconds', '3'
    . (Join-Path $PSScriptRoot 'TestSession.Start.ps1')
}
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

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
        # High impact: it asks, which this non-interactive session cannot, and it says how to go on.
        { $job | Stop-AltoSiteJob -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*' -ExpectedMessage '*-Confirm:$false*'
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
