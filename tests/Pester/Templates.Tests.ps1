#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Script templates: Get-, New- and Set-AltoScriptTemplate, and templates as the script of other cmdlets, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Script templates' {
    It 'lists the global templates and gets one by id' {
        $public = @(Get-AltoScriptTemplate -Scope Public)
        $public.Count | Should -Be 3
        $public | ForEach-Object { $_.IsGlobal | Should -BeTrue; $_.ReadOnly | Should -BeTrue }
        (Get-AltoScriptTemplate -Id $public[0].Id).Content | Should -Be $public[0].Content
    }

    It 'reports a name without wildcards that no template has, and says so when it is an id' {
        $public = @(Get-AltoScriptTemplate -Scope Public)
        $errors = $null
        Get-AltoScriptTemplate $public[0].Id -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.NameNotFound*'
        $errors[0].Exception.Message | Should -BeLike "*is the id of one: Get-AltoScriptTemplate -Id $($public[0].Id)*"
        Get-AltoScriptTemplate 'no such template*' -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'creates a template from a .rsc file with metadata, and changes only what is given' {
        $file = Join-Path $TestDrive 'ntp.rsc'
        Set-Content $file '/system ntp client set enabled=yes servers=pool.ntp.org'
        $t = New-AltoScriptTemplate -Name 'Pester NTP' -Description 'NTP' -Path $file -Metadata @{ category = 'time' }
        $t.Scope | Should -Be 'Private'
        $t.Metadata.category | Should -Be 'time'
        $changed = Set-AltoScriptTemplate -Id $t.Id -Description 'NTP, changed'
        $changed.Description | Should -Be 'NTP, changed'
        $changed.Content | Should -Be $t.Content
        $changed.Metadata.category | Should -Be 'time'
        Get-AltoScriptTemplate -Name 'Pester*' -Scope Private | Should -HaveCount 1
    }

    It 'keeps a template whose script does not parse, and warns that it cannot run as it is' {
        $draft = New-AltoScriptTemplate -Name 'Pester draft' -Description 'draft' -Content '/ip address add address="10.0.0.1/24' -WarningVariable warned -WarningAction SilentlyContinue
        $draft.Content | Should -Be '/ip address add address="10.0.0.1/24'
        "$warned" | Should -Match 'syntax error.*saved as given'
        Set-AltoScriptTemplate -Id $draft.Id -Content '/system identity print' -WarningVariable fixed -WarningAction SilentlyContinue | Out-Null
        $fixed | Should -BeNullOrEmpty
    }

    It 'refuses a global template and a too long one before sending, with clear errors' {
        $global = @(Get-AltoScriptTemplate -Scope Public)[0]
        Set-AltoScriptTemplate -Id $global.Id -Name 'mine' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.TemplateReadOnly*'
        (Get-AltoScriptTemplate -Id $global.Id).Name | Should -Be $global.Name
        New-AltoScriptTemplate -Name 'Long' -Description ('d' * 201) -Content 'c' -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.TemplateTooLong*'
        $e2[0].Exception.Message | Should -Match '201 characters'
        New-AltoScriptTemplate -Name 'Empty' -Description 'd' -Content ' ' -ErrorVariable e3 -ErrorAction SilentlyContinue
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.TemplateFieldEmpty*'
        $e3[0].Exception.Message | Should -Match 'content is empty'
        # One error per field, each with its own id.
        New-AltoScriptTemplate -Name ('x' * 101) -Description 'd' -Content ' ' -ErrorVariable e4 -ErrorAction SilentlyContinue
        @($e4).Count | Should -Be 2
        ($e4 | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Sort-Object) | Should -Be @('Altostrat.TemplateFieldEmpty', 'Altostrat.TemplateTooLong')
        { New-AltoScriptTemplate -Name 'Folder' -Description 'd' -Path $TestDrive } | Should -Throw -ExpectedMessage '*is a folder*'
    }

    It 'pipes into Test-AltoRouterScript, New-AltoScheduledScript and Invoke-AltoRouterScript as the script' {
        $t = @(Get-AltoScriptTemplate -Scope Public)[0]
        ($t | Test-AltoRouterScript).IsValid | Should -BeTrue
        $s = $t | New-AltoScheduledScript -Description 'Pester template' -SiteId site_emu0001 -LaunchAt (Get-Date).AddHours(1) -Force -Confirm:$false
        $s.Script | Should -Be $t.Content
        $j = $t | Invoke-AltoRouterScript -SiteId site_emu0001 -Description 'Pester template job' -Force -Confirm:$false
        $j.SiteId | Should -Be 'site_emu0001'
    }

    It 'fits its table view in 80 and 120 columns' {
        $t = @(Get-AltoScriptTemplate -Scope Public)[0]
        ($t | Out-String -Width 120) | Should -Match ([regex]::Escape($t.Id))
        foreach ($line in (($t | Out-String -Width 80) -split "`n")) { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }
}
