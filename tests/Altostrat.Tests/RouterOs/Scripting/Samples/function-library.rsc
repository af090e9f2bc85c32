# Helpers for other scripts: load once, call with $name.
:global joinArray do={
    :local out ""
    :foreach k,v in=$1 do={
        :if ([:len $out] > 0) do={ :set out ($out . $2) }
        :set out ($out . $k . "=" . $v)
    }
    :return $out
}

:global quote do={ :return ("\"" . $1 . "\"") }

:global interfaceReport do={
    :local lines [:toarray ""]
    :foreach id in=[/interface find where running] do={
        :local name [/interface get $id name]
        :local rx [/interface get $id rx-byte]
        :set ($lines->$name) "rx=$rx bytes, \"running\""
    }
    :return $lines
}

:put [$joinArray [$interfaceReport] "; "]
:put [$quote "He said \"hi\" and left \\ behind"]
:put "cpu=$[/system resource get cpu-load]% free=$([/system resource get free-memory] / 1024)KiB"
