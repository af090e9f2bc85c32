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
        $emulatorDll, '--port', '0', '--token', $script:Token, '--router-base-port', '0')
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
