# Runs a fresh PowerShell of the same version as the one running now: the repository's pinned .NET tool
# (`dotnet pwsh`, which runs pwsh.dll under dotnet) or an installed pwsh, whichever this one is.
Set-StrictMode -Version Latest

function Invoke-FreshPwsh {
    <#
    .SYNOPSIS
        Runs pwsh with the given arguments in a new process and returns its output; $LASTEXITCODE is the child's.
    #>
    param([Parameter(ValueFromRemainingArguments)] [string[]] $ArgumentList)
    $host_ = [Environment]::ProcessPath
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet' -and (Test-Path $dll)) {
        & $host_ $dll @ArgumentList
    }
    else {
        & (Join-Path $PSHOME 'pwsh') @ArgumentList
    }
}

Export-ModuleMember -Function Invoke-FreshPwsh
