#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Community scripts: Get- and Publish-AltoCommunityScript, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Community scripts' {
    It 'gets a community script with content, repository and author, and it pipes as the script' {
        $c = Get-AltoCommunityScript -Id cs_emu0002
        $c.Content | Should -Not -BeNullOrEmpty
        $c.Repository | Should -Not -BeNullOrEmpty
        $c.Author | Should -Not -BeNullOrEmpty
        ($c | Test-AltoRouterScript).IsValid | Should -BeTrue
    }

    It 'queues cs_emu0002 on every online site as the help example does, and it runs on their routers' {
        $jobs = Get-AltoCommunityScript cs_emu0002 | Invoke-AltoRouterScript -SiteId (Get-AltoSite | Where-Object HasPulse).SiteId -Description 'DNS failover'
        $done = $jobs | Wait-AltoSiteJob -PollIntervalSeconds 0.5 -Timeout 120
        @($done).Count | Should -BeGreaterThan 1
        # The session fails site_emu0002 on purpose (--fail-site); every other site runs the script.
        $done | Where-Object { $_.SiteId -ne 'site_emu0002' -and $_.State -ne 'Completed' } | ForEach-Object { "$($_.SiteId) $($_.State)" } | Should -BeNullOrEmpty
        $dns = Invoke-AltoRouterCommand -ComputerName $Routers['site_emu0001'] -Credential $RouterCredential -Command /ip/dns/print
        $dns.servers | Should -Be '9.9.9.9,1.1.1.1'
    }

    It 'runs cs_emu0001 on a site as well: every seeded community script runs on the simulated routers' {
        $job = Get-AltoCommunityScript cs_emu0001 | Invoke-AltoRouterScript -SiteId site_emu0003 -Description 'Nightly backup' -Confirm:$false
        ($job | Wait-AltoSiteJob -PollIntervalSeconds 0.5 -Timeout 120).State | Should -Be 'Completed'
        (Invoke-AltoRouterCommand -ComputerName $Routers['site_emu0003'] -Credential $RouterCredential -Command /file/print).name | Should -Contain 'nightly.backup'
    }

    It 'refuses a URL that is not a .rsc on GitHub before sending' {
        Publish-AltoCommunityScript -GitHubUrl https://example.com/a.rsc -ReadmeUrl https://example.com/ -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.InvalidGitHubUrl*'
    }

    It 'publishes with -Confirm:$false and shows nothing under -WhatIf' {
        Publish-AltoCommunityScript https://github.com/pester/routeros/blob/main/x.rsc https://github.com/pester/routeros -WhatIf | Should -BeNullOrEmpty
        # What is published is public: it asks, which this non-interactive session cannot.
        { Publish-AltoCommunityScript https://github.com/pester/routeros/blob/main/y.rsc https://github.com/pester/routeros -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*'
        $p = Publish-AltoCommunityScript https://github.com/pester/routeros/blob/main/x.rsc https://github.com/pester/routeros -Confirm:$false
        $p.Name | Should -Be 'x'
        (Get-AltoCommunityScript -Id $p.Id).GitHubUrl | Should -Be $p.GitHubUrl
    }
}
