#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Invoke-AltoRouterScript through SDX and directly, and the confirmation of destructive scripts, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Invoke-AltoRouterScript' {
    It 'emits one job per site and a non-terminating error for the site that fails' {
        $jobs = Invoke-AltoRouterScript -SiteId site_emu0001, site_nope, site_emu0003 -Script '/system identity print' -Description 'Pester job' -ErrorVariable failures -ErrorAction SilentlyContinue
        ($jobs.SiteId | Sort-Object) | Should -Be @('site_emu0001', 'site_emu0003')
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'site_nope'
    }

    It 'takes sites from Get-AltoSite' {
        $jobs = Get-AltoSite | Invoke-AltoRouterScript -Script '/system identity print' -Description 'Pester all'
        @($jobs).Count | Should -Be @(Get-AltoSite).Count
        $jobs | ForEach-Object { $_.IdempotencyKey | Should -Not -BeNullOrEmpty }
    }
}

Describe 'Invoke-AltoRouterScript on routers directly' {
    It 'runs on every piped router, one result each, and the failed one can be retried' {
        $targets = $script:Routers.Values | ForEach-Object { [pscustomobject]@{ Address = $_ } }
        $results = $targets | Invoke-AltoRouterScript -Credential $script:RouterCredential -Script '/ip address add address=10.99.0.1/24 interface=ether3' -MakeBackup -Force -ErrorAction SilentlyContinue -ErrorVariable failures
        $results.Count | Should -Be 5
        @($results | Where-Object Status -eq Succeeded).Count | Should -Be 4
        $failed = @($results | Where-Object Status -eq Failed)
        $failed.ComputerName | Should -Be $script:Routers['site_emu0002']
        $failed.Error | Should -Match 'simulated script error'
        $results | ForEach-Object { $_.BackupName | Should -BeLike 'altostrat-*' }
        $failures.Count | Should -Be 1

        $retried = $failed | Invoke-AltoRouterScript -Credential $script:RouterCredential -Script ':log info retry' -ErrorAction SilentlyContinue
        @($retried).Count | Should -Be 1
        $retried.ComputerName | Should -Be $script:Routers['site_emu0002']
    }

    It 'under ErrorAction Stop, finishes every router and writes every result before the first error stops the script' {
        $routers = @($script:Routers.Values) + '127.0.0.1:1'
        $ErrorActionPreference = 'Stop'
        # The unreachable router fails within milliseconds; the others must still run to their end and be reported.
        $thrown = $null
        try { Invoke-AltoRouterScript -ComputerName $routers -Credential $script:RouterCredential -Script ':delay 300ms; /system identity print' -OutVariable results }
        catch { $thrown = $_ }
        $ErrorActionPreference = 'Continue'
        # The unreachable router failed first; the emulator's site_emu0002 fails every script.
        $thrown.FullyQualifiedErrorId | Should -BeLike 'AltostratRouter.ConnectionFailed*'
        # Held errors come in the order the routers finished.
        $thrown.TargetObject | Sort-Object | Should -Be (@('127.0.0.1:1', $script:Routers['site_emu0002']) | Sort-Object)
        $results.Count | Should -Be 6
        ($results | Where-Object Status -eq Failed).ComputerName | Should -Contain '127.0.0.1:1'
        @($results | Where-Object { $_.ComputerName -ne '127.0.0.1:1' -and $_.Status -ne 'Failed' }).Count | Should -BeGreaterOrEqual 4
        # -ErrorAction Stop does the same; several failures become one error that names them all.
        $thrown = $null
        $targets = @($script:Routers.Values) + '127.0.0.1:1', '127.0.0.1:2'
        try { Invoke-AltoRouterCommand -ComputerName $targets -Credential $script:RouterCredential -Command /system/identity/print -ErrorAction Stop -OutVariable rows }
        catch { $thrown = $_ }
        @($rows | Where-Object name).Count | Should -Be 5
        $thrown.FullyQualifiedErrorId | Should -BeLike 'AltostratRouter.ConnectionFailed*'
        $thrown.Exception.Message | Should -BeLike '2 of this command''s targets failed*'
        $thrown.Exception.Message | Should -BeLike '*127.0.0.1:1: *'
        $thrown.Exception.Message | Should -BeLike '*127.0.0.1:2: *'
        $thrown.TargetObject | Sort-Object | Should -Be @('127.0.0.1:1', '127.0.0.1:2')
        # No router was cut off half way: no temporary script entry is left anywhere.
        Invoke-AltoRouterCommand -ComputerName @($script:Routers.Values) -Credential $script:RouterCredential -Command /system/script/print |
            Where-Object name -like 'altostrat-*' | Should -BeNullOrEmpty
    }

    It 'names each backup apart, also for runs in the same second' {
        $router = $script:Routers['site_emu0004']
        $names = 1..3 | ForEach-Object { (Invoke-AltoRouterScript -ComputerName $router -Credential $script:RouterCredential -Script ':log info backup' -MakeBackup).BackupName }
        $names | Select-Object -Unique | Should -HaveCount 3
        $names | ForEach-Object { $_ | Should -Match '^altostrat-\d{8}-\d{6}-\d{3}$' }
        $files = (Invoke-AltoRouterCommand -ComputerName $router -Credential $script:RouterCredential -Command /file/print).name
        $names | ForEach-Object { $files | Should -Contain "$_.backup" }
    }

    It 'lists what would run where with -WhatIf and runs nothing' {
        $output = Invoke-AltoRouterScript -ComputerName $script:Routers['site_emu0001'], $script:Routers['site_emu0003'] -Credential $script:RouterCredential -Script '/system identity set name=never' -WhatIf 6>&1
        ($output | Where-Object { $_ -is [Altostrat.PowerShell.AltoRouterScriptResult] }) | Should -BeNullOrEmpty
        (Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Command /system/identity/print).name | Should -Not -Be 'never'
    }

    It 'runs through sessions from the pipeline' {
        $sessions = $script:Routers['site_emu0004'], $script:Routers['site_emu0005'] | Connect-AltoRouter -Credential $script:RouterCredential
        try {
            $results = $sessions | Invoke-AltoRouterScript -Script ':log info "from a session"'
            $results.Status | Should -Be @('Succeeded', 'Succeeded')
            $sessions.IsConnected | Should -Be @($true, $true)
        }
        finally { $sessions | Disconnect-AltoRouter }
    }

    It 'takes piped names without -Credential, refuses them with what to pass, and needs none for -WhatIf' {
        $router = $script:Routers['site_emu0001']
        { [pscustomobject]@{ Address = $router } | Invoke-AltoRouterScript -Script ':log info x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratRouter.CredentialRequired*'
        { $router | Invoke-AltoRouterCommand -Command /system/identity/print -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratRouter.CredentialRequired*'
        $router | Invoke-AltoRouterScript -Script ':log info x' -WhatIf | Should -BeNullOrEmpty
        # In pwsh -NonInteractive the question is not even put: no prompt text lands in a runbook's output.
        $output = Invoke-FreshPwsh -NoProfile -NonInteractive -Command "Import-Module '$env:ALTOSTRAT_MODULE_MANIFEST'; try { Invoke-AltoRouterCommand $router -Command /system/identity/print -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }" 2>&1
        "$output" | Should -BeLike 'AltostratRouter.CredentialRequired*'
        "$output" | Should -Not -BeLike '*user name and password*'
    }

    It 'takes a -Path wildcard that matches one file' {
        Set-Content (Join-Path $TestDrive 'only-one.rsc') ':log info from-a-wildcard'
        $result = Invoke-AltoRouterScript -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Path (Join-Path $TestDrive 'only-*.rsc')
        $result.Status | Should -Be 'Succeeded'
    }

    It 'shows why a router failed in a table that fits 80 columns, without repeating its name' {
        $result = Invoke-AltoRouterScript -ComputerName 127.0.0.1:1 -Credential $script:RouterCredential -Script ':log info x' -ErrorAction SilentlyContinue
        $result.Error | Should -BeLike 'Could not connect to 127.0.0.1:1: *'
        $lines = ($result | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines[-1] | Should -Match '^127\.0\.0\.1:1\s+Failed\s+\S+s Could not connect: \w'
        $configuration = Set-AltoRouterConfiguration -ComputerName 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState @{ '/ip/dns' = @{ servers = '9.9.9.9' } } -ErrorAction SilentlyContinue
        (($configuration | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ })[-1] | Should -Match '^127\.0\.0\.1:1\s+Failed\s+0\s+Could not connect: \w'
        $rolledBack = [pscustomobject]@{ PSTypeName = 'Altostrat.PowerShell.AltoRouterConfigurationResult'; ComputerName = 'r1'; Status = 'RolledBack'; Changes = @(1); SafeMode = 'RolledBackByRouter'; Error = 'r1 dropped the connection' }
        (($rolledBack | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ })[-1] | Should -Match '^r1\s+RolledBack\s+1 ByRouter dropped the connection'
    }

    It 'refuses an empty script before connecting' {
        { Invoke-AltoRouterScript -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Script ' ' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Altostrat.EmptyScript*'
    }
}

Describe 'Confirmation of destructive scripts' {
    BeforeAll {
        $script:Target = $script:Routers['site_emu0005']
        # ForEach-Object, not .address: on an array, .Address is the array's own Address() method, not the rows' property.
        function script:Get-Addresses { Invoke-AltoRouterCommand -ComputerName $script:Target -Credential $script:RouterCredential -Command /ip/address/print | ForEach-Object address }
    }

    # The suite runs in pwsh -NonInteractive: the confirmation cannot be asked, and the command fails with an error
    # that says so, which is how these tests see that it would have asked.
    It 'asks under the default $ConfirmPreference and runs nothing without an answer' {
        $ConfirmPreference | Should -Be 'High'
        { Invoke-AltoRouterScript -ComputerName $script:Target -Credential $script:RouterCredential -Script '/ip address add address=10.77.0.1/24 interface=ether3' -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*'
        Get-Addresses | Should -Not -Contain '10.77.0.1/24'
    }

    It 'does not ask for a harmless script' {
        (Invoke-AltoRouterScript -ComputerName $script:Target -Credential $script:RouterCredential -Script '/ip dns set servers=9.9.9.9').Status | Should -Be 'Succeeded'
    }

    It 'runs it with <Case>' -ForEach @(
        @{ Case = '-Force'; Address = '10.77.1.1/24' }
        @{ Case = '-Confirm:$false'; Address = '10.77.2.1/24' }
        @{ Case = "`$ConfirmPreference = 'None'"; Address = '10.77.3.1/24' }
    ) {
        $parameters = @{ ComputerName = $script:Target; Credential = $script:RouterCredential; Script = "/ip address add address=$Address interface=ether3" }
        switch ($Case) {
            '-Force' { $parameters.Force = $true }
            '-Confirm:$false' { $parameters.Confirm = $false }
            default { $ConfirmPreference = 'None' }
        }
        (Invoke-AltoRouterScript @parameters).Status | Should -Be 'Succeeded'
        Get-Addresses | Should -Contain $Address
    }

    It 'runs nothing with -WhatIf' {
        Invoke-AltoRouterScript -ComputerName $script:Target -Credential $script:RouterCredential -Script '/ip address add address=10.77.4.1/24 interface=ether3' -WhatIf | Should -BeNullOrEmpty
        Get-Addresses | Should -Not -Contain '10.77.4.1/24'
    }

    It 'asks before scheduling a destructive script on SDX, and -Force schedules it' {
        $before = Get-ScriptCount
        { New-AltoScheduledScript -Description 'Pester reboot' -Script '/system reboot' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*'
        Get-ScriptCount | Should -Be $before
        (New-AltoScheduledScript -Description 'Pester reboot' -Script '/system reboot' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -Force).Description | Should -Be 'Pester reboot'
    }

    It 'refuses a script with syntax errors unless -Force' {
        { Invoke-AltoRouterScript -SiteId site_emu0001 -Script ':put (1' -Description 'Pester bad' -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratScript.SyntaxError*'
        $job = Invoke-AltoRouterScript -SiteId site_emu0001 -Script ':put (1' -Description 'Pester bad' -Force -WarningVariable warned -WarningAction SilentlyContinue
        $job.SiteId | Should -Be 'site_emu0001'
        "$warned" | Should -Match 'syntax error'
    }
}
