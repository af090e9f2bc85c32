#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Scheduled scripts: New-, Set-, Approve-, Wait-, Stop-AltoScheduledScript and progress, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Scheduled scripts' {
    It 'makes ONE schedule for all piped sites' {
        $before = Get-ScriptCount
        $created = Get-AltoSite | New-AltoScheduledScript -Description 'Pester all sites' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1)
        @($created).Count | Should -Be 1
        $created.SiteId.Count | Should -Be @(Get-AltoSite).Count
        $created.Status | Should -Be 'Unauthorized'
        Get-ScriptCount | Should -Be ($before + 1)
    }

    It 'binds -Script from New-AltoAiScript output' {
        $created = New-AltoAiScript -Prompt 'set identity to pester-01' |
            New-AltoScheduledScript -Description 'Pester AI' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $created.Script | Should -Match 'pester-01'
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-ScriptCount
        New-AltoScheduledScript -Description 'Pester WhatIf' -Script '/x' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -WhatIf | Should -BeNullOrEmpty
        Get-ScriptCount | Should -Be $before
    }

    It 'refuses <Case> with <ErrorId> before any request' -ForEach @(
        @{ Case = 'an empty script'; ErrorId = 'Altostrat.EmptyScript'; Command = { New-AltoScheduledScript -Description x -Script '' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -ErrorAction Stop } }
        @{ Case = 'a past launch time'; ErrorId = 'Altostrat.LaunchAtInPast'; Command = { New-AltoScheduledScript -Description x -Script '/x' -LaunchAt (Get-Date).AddMinutes(-5) -SiteId site_emu0001 -ErrorAction Stop } }
        @{ Case = 'no site'; ErrorId = 'Altostrat.NoSite'; Command = { New-AltoScheduledScript -Description x -Script '/x' -LaunchAt (Get-Date).AddHours(1) -SiteId @() -ErrorAction Stop } }
        @{ Case = 'no site from a site filter that matched nothing'; ErrorId = 'Altostrat.NoSite'; Command = { Get-AltoSite -Name 'no-such-site*' | New-AltoScheduledScript -Description x -Script '/x' -LaunchAt (Get-Date).AddHours(1) -ErrorAction Stop } }
    ) {
        $before = Get-ScriptCount
        $Command | Should -Throw -ErrorId "$ErrorId,Altostrat.PowerShell.Cmdlets.ScheduledScripts.NewAltoScheduledScriptCommand"
        Get-ScriptCount | Should -Be $before
    }

    It 'lists nothing when the pipeline names no script (an empty array, objects that do not bind), so nothing is passed on to Stop' {
        $listed = New-AltoScheduledScript -Description 'Pester listed' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        (Get-AltoScheduledScript).Id | Should -Contain $listed.Id
        @(@() | Get-AltoScheduledScript) | Should -BeNullOrEmpty
        @(Get-AltoScheduledScript -Description 'no-such-description*' | Get-AltoScheduledScript) | Should -BeNullOrEmpty
        @([pscustomobject]@{ ScriptId = 'x' } | Get-AltoScheduledScript -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
        $listed | Stop-AltoScheduledScript -Confirm:$false
    }

    It 'reports an id the account does not have even when a filter is given, and not one the filter leaves out' {
        $created = New-AltoScheduledScript -Description 'Pester filtered' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $errors = $null
        $found = Get-AltoScheduledScript -Id $created.Id, 'no-such-script' -Status Launched -ErrorVariable errors -ErrorAction SilentlyContinue
        $found | Should -BeNullOrEmpty
        @($errors).Count | Should -Be 1
        $errors[0].TargetObject | Should -Be 'no-such-script'
        $created | Stop-AltoScheduledScript -Confirm:$false
    }

    It 'changes only what is given, and does not warn of an authorization a script never had' {
        $created = New-AltoScheduledScript -Description 'Pester set' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $updated = $created | Set-AltoScheduledScript -Description 'Pester set 2' -WarningVariable warnings -WarningAction SilentlyContinue
        $updated.Description | Should -Be 'Pester set 2'
        $updated.Script | Should -Be $created.Script
        $warnings | Should -BeNullOrEmpty
        # Moved later by its own LaunchAt, a DateTimeOffset.
        $moved = $updated | Set-AltoScheduledScript -LaunchAt $updated.LaunchAt.AddHours(1) -WarningAction SilentlyContinue
        $moved.LaunchAt | Should -Be $updated.LaunchAt.AddHours(1)
        # An update that changes nothing would only undo an approval: refused before anything is sent.
        $requests = [System.Collections.Generic.List[object]]::new()
        { Set-AltoScheduledScript -Id $created.Id -Verbose 4>&1 | ForEach-Object { $requests.Add($_) } } | Should -Throw -ErrorId 'Altostrat.NothingToChange*'
        $requests | Should -BeNullOrEmpty # -Verbose writes each request the module sends
    }

    It 'approves, launches and reports each site' {
        $created = New-AltoScheduledScript -Description 'Pester run' -Script '/system identity print' -LaunchAt (Get-Date).AddSeconds(3) -SiteId site_emu0001, site_emu0002
        $approved = $created | Approve-AltoScheduledScript -Wait -Timeout 30 -PollIntervalSeconds 0.2
        $approved.Status | Should -BeIn 'Scheduled', 'Launched'
        $results = $created | Wait-AltoScheduledScript -Timeout 60 -PollIntervalSeconds 0.2
        ($results | Where-Object SiteId -eq site_emu0001).State | Should -Be 'Completed'
        ($results | Where-Object SiteId -eq site_emu0002).State | Should -Be 'Failed'
        (Get-AltoScheduledScriptProgress -Id $created.Id | Where-Object State -eq Failed).SiteId | Should -Be 'site_emu0002'
        # As the router results are filtered: by Status.
        ($results | Where-Object Status -eq Failed).SiteId | Should -Be 'site_emu0002'
    }

    It 'completes -Status with the states a script can be in' {
        $line = 'Get-AltoScheduledScript -Status '
        $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $offered | Should -Contain 'Unauthorized'
        $offered | Should -Not -Contain 'Unknown'
    }

    It 'warns that -Timeout without -Wait does nothing' {
        $warned = $null
        Approve-AltoScheduledScript -Id 'any-id' -Timeout 2 -WhatIf -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        "$warned" | Should -BeLike '*apply only with -Wait*'
    }

    It 'says why a wait for a script that was never approved ran out, when it runs out rather than a poll interval later' {
        $created = New-AltoScheduledScript -Description 'Pester unapproved' -Script '/system identity print' -LaunchAt (Get-Date).AddSeconds(2) -SiteId site_emu0001
        # A poll interval far longer than the timeout: waiting it out would take 30 s.
        $took = Measure-Command { $created | Wait-AltoScheduledScript -Timeout 1 -PollIntervalSeconds 30 -ErrorVariable script:timedOut -ErrorAction SilentlyContinue | Out-Null }
        $took.TotalSeconds | Should -BeLessThan 20
        $timedOut = $script:timedOut
        $timedOut[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.WaitTimedOut*'
        "$($timedOut[0])" | Should -Match "still unauthorized.*Approve-AltoScheduledScript -Id $($created.Id)"
        $created | Stop-AltoScheduledScript -Confirm:$false
    }

    It 'warns once, while waiting, that a script never approved cannot launch once its launch time has passed' {
        $created = New-AltoScheduledScript -Description 'Pester unapproved late' -Script '/system identity print' -LaunchAt (Get-Date).AddSeconds(1) -SiteId site_emu0001
        Start-Sleep -Milliseconds 1500
        $created | Wait-AltoScheduledScript -Timeout 2 -PollIntervalSeconds 0.2 -WarningVariable late -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null
        $late | Should -HaveCount 1
        "$late" | Should -Match "'$($created.Id)' is still unauthorized and its launch time .* has passed: it cannot launch until it is approved"
        $created | Stop-AltoScheduledScript -Confirm:$false
    }

    It 'asks before cancelling by default and cancels with -Confirm:$false' {
        $created = New-AltoScheduledScript -Description 'Pester stop' -Script '/x' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        (Get-Command Stop-AltoScheduledScript).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        # This session cannot answer a question: the error says how to go on, and nothing was cancelled.
        { $created | Stop-AltoScheduledScript } | Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*' -ExpectedMessage '*-Confirm:$false*'
        (Get-AltoScheduledScript -Id $created.Id).Status | Should -Not -Be 'Cancelled'
        ($created | Stop-AltoScheduledScript -Confirm:$false -PassThru).Status | Should -Be 'Cancelled'
    }
}
