#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Configuration backups: Get-AltoBackup, Backup-AltoSite, Compare-AltoBackup, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll {
    $EmulatorArguments = '--backup-seconds', '0.3'
    . (Join-Path $PSScriptRoot 'TestSession.Start.ps1')
}
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Backups' {
    It 'requests backups, waits for them and lists them newest first' {
        $made = Get-AltoSite | Select-Object -First 2 | Backup-AltoSite -Wait -PollIntervalSeconds 0.2 -Timeout 60
        @($made).Count | Should -Be 2
        $made[0].Filename | Should -Match '^\d+\.rsc$'
        (Get-AltoBackup -SiteId $made[0].SiteId)[0].Filename | Should -Be ($made | Where-Object SiteId -eq $made[0].SiteId).Filename
    }

    It 'saves the latest backup and finds no difference with the saved file' {
        $saved = Get-AltoBackup -SiteId site_emu0001 -Latest -OutFile (Join-Path $TestDrive 'latest.rsc')
        Test-Path $saved.SavedTo | Should -BeTrue
        Get-Content $saved.SavedTo -Raw | Should -Match '/ip address'
        Compare-AltoBackup -SiteId site_emu0001 -DifferencePath $saved.SavedTo | Should -BeNullOrEmpty
    }

    It 'saves the latest backup of every site into an existing folder, as the help example does' {
        $sites = @(Get-AltoSite | Backup-AltoSite -Wait -PollIntervalSeconds 0.2 -Timeout 60)
        $folder = Join-Path $TestDrive 'backups'
        New-Item -ItemType Directory -Path $folder -Force | Out-Null
        $saved = Get-AltoSite | Get-AltoBackup -Latest -OutFile $folder
        @($saved).Count | Should -Be $sites.Count
        @(Get-ChildItem $folder -Filter '*.rsc').Count | Should -Be $sites.Count
        $saved | ForEach-Object { Split-Path $_.SavedTo -Parent | Should -Be $folder }
    }

    It 'refuses several backups for a folder that does not exist, says so and how to create it, before any request' {
        $missing = Join-Path $TestDrive 'no-such-folder'
        # Made out here: the block Should -Throw runs is a child scope, where a variable it sets would not be seen.
        $verbose = [System.Collections.Generic.List[object]]::new()
        $thrown = { Get-AltoBackup -SiteId site_emu0001, site_emu0003 -Latest -OutFile $missing -Verbose 4>&1 | ForEach-Object { $verbose.Add($_) } } |
            Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'Altostrat.InvalidOutFile*'
        $thrown.Exception.Message | Should -Not -Match 'is a file'
        $thrown.Exception.Message | Should -Match 'does not exist'
        $thrown.Exception.Message | Should -Match ([regex]::Escape("New-Item -ItemType Directory -Path '$missing'"))
        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        Test-Path $missing | Should -BeFalse
    }

    It 'refuses several backups for an existing file, and a folder path (ending in a separator) that does not exist even for one' {
        $file = Join-Path $TestDrive 'one.rsc'
        Set-Content $file 'x'
        { Get-AltoBackup -SiteId site_emu0001, site_emu0003 -Latest -OutFile $file } | Should -Throw -ExpectedMessage "*'$file' is a file*"
        $folder = (Join-Path $TestDrive 'not-yet') + [System.IO.Path]::DirectorySeparatorChar
        { Get-AltoBackup -SiteId site_emu0001 -Latest -OutFile $folder } | Should -Throw -ExpectedMessage '*does not exist*New-Item -ItemType Directory*'
        Test-Path $folder | Should -BeFalse
    }

    It 'compares with the backup piped in, not the latest' {
        # Backups are named by the second they were made in: a second apart, so that there are two.
        Backup-AltoSite -SiteId site_emu0002 -Wait -PollIntervalSeconds 0.2 -Timeout 60 | Out-Null
        Start-Sleep -Milliseconds 1100
        Backup-AltoSite -SiteId site_emu0002 -Wait -PollIntervalSeconds 0.2 -Timeout 60 | Out-Null
        $backups = Get-AltoBackup -SiteId site_emu0002
        $oldest = $backups[-1]
        $saved = Get-AltoBackup -SiteId site_emu0002 -Filename $oldest.Filename -OutFile (Join-Path $TestDrive 'oldest.rsc')
        Set-Content $saved.SavedTo ((Get-Content $saved.SavedTo -Raw) + "/system note set note=piped`n") -NoNewline
        $diff = $oldest | Compare-AltoBackup -DifferencePath $saved.SavedTo
        $diff.Reference | Select-Object -Unique | Should -Be "site_emu0002/$($oldest.Filename)"
    }

    It 'compares a backup with an edited file by menu, and as a unified diff' {
        $saved = Get-AltoBackup -SiteId site_emu0001 -Latest -OutFile (Join-Path $TestDrive 'edit.rsc')
        $text = (Get-Content $saved.SavedTo -Raw) -replace '192\.168\.88\.1/24', '10.0.0.1/24' -replace '(?m)^# \d{4}-\d\d-\d\d \d\d:\d\d:\d\d', '# 2030-01-01 00:00:00'
        Set-Content (Join-Path $TestDrive 'edit.rsc') $text -NoNewline
        $diff = Compare-AltoBackup -SiteId site_emu0001 -DifferencePath (Join-Path $TestDrive 'edit.rsc')
        @($diff).Count | Should -Be 2
        $diff.Menu | Select-Object -Unique | Should -Be '/ip address'
        ($diff | Where-Object Indicator -eq '+').Text | Should -Match '10\.0\.0\.1/24'
        Compare-AltoBackup -SiteId site_emu0001 -DifferencePath (Join-Path $TestDrive 'edit.rsc') -Unified | Should -Match '(?m)^\+add address=10\.0\.0\.1/24'
    }

    It 'finds no difference with the same configuration exported from other hardware and wrapped at another column' {
        $saved = Get-AltoBackup -SiteId site_emu0001 -Latest -OutFile (Join-Path $TestDrive 'other.rsc')
        $text = Get-Content $saved.SavedTo -Raw
        $text | Should -Match '(?m)^# model = '
        $text | Should -Match ' \\\n    '   # RouterOS wraps long lines: a trailing backslash, continued after four spaces
        $other = $text -replace '(?m)^# model = .*$', '# model = CCR2004-1G-12S+2XS' -replace '(?m)^# serial number = .*\n', '' -replace ' \\\n    ', ' '
        Set-Content (Join-Path $TestDrive 'other.rsc') $other -NoNewline
        Compare-AltoBackup -SiteId site_emu0001 -DifferencePath (Join-Path $TestDrive 'other.rsc') | Should -BeNullOrEmpty
        Compare-AltoBackup -SiteId site_emu0001 -DifferencePath (Join-Path $TestDrive 'other.rsc') -Unified | Should -BeNullOrEmpty
    }

    It 'compares the latest backups of two sites without header noise' {
        $diff = Compare-AltoBackup -SiteId site_emu0001 -DifferenceSiteId site_emu0002
        $diff.Menu | Should -Contain '/system identity'
        $diff.Text | Where-Object { $_ -match 'software id|serial number|by RouterOS' } | Should -BeNullOrEmpty
    }

    It 'fits its table views in 80 columns' {
        $backup = (Get-AltoBackup -SiteId site_emu0001)[0]
        foreach ($line in (($backup | Out-String -Width 80) -split "`n")) { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
        ($backup | Out-String -Width 120) | Should -Match ([regex]::Escape($backup.Filename))
    }
}
