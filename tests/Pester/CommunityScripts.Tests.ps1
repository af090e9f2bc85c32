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

    It 'refuses a URL that is not a .rsc on GitHub before sending' {
        Publish-AltoCommunityScript -GitHubUrl https://example.com/a.rsc -ReadmeUrl https://example.com/ -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.InvalidGitHubUrl*'
    }

    It 'publishes with -Confirm:$false and shows nothing under -WhatIf' {
        Publish-AltoCommunityScript https://github.com/pester/routeros/blob/main/x.rsc https://github.com/pester/routeros -WhatIf | Should -BeNullOrEmpty
        $p = Publish-AltoCommunityScript https://github.com/pester/routeros/blob/main/x.rsc https://github.com/pester/routeros -Confirm:$false
        $p.Name | Should -Be 'x'
        (Get-AltoCommunityScript -Id $p.Id).GitHubUrl | Should -Be $p.GitHubUrl
    }
}
