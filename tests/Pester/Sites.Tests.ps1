#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Sites: Get-AltoSite by id and by name, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Get-AltoSite' {
    It 'gets sites by id, and by a name pattern' {
        $sites = @(Get-AltoSite)
        $sites.Count | Should -BeGreaterThan 1
        (Get-AltoSite -SiteId $sites[1].SiteId).Name | Should -Be $sites[1].Name
        (Get-AltoSite -Name ($sites[1].Name.Substring(0, 3) + '*')).SiteId | Should -Contain $sites[1].SiteId
    }

    It 'reports a name without wildcards that no site has, and says so when it is a site id typed by position' {
        $site = Get-AltoSite | Select-Object -First 1
        $errors = $null
        Get-AltoSite $site.SiteId -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Altostrat.NameNotFound*'
        $errors[0].Exception.Message | Should -BeLike "*is the id of one: Get-AltoSite -SiteId $($site.SiteId)*"
        Get-AltoSite 'No such site' -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].Exception.Message | Should -BeLike '*use Get-AltoSite -SiteId*'
        # Typed in another case, the hint gives the id as the API spells it, which is what -SiteId takes.
        Get-AltoSite $site.SiteId.ToUpperInvariant() -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].Exception.Message | Should -BeLikeExactly "*is the id of one: Get-AltoSite -SiteId $($site.SiteId)"
        Get-AltoSite 'No such site*' -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }
}
