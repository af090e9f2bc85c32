{
    :local tries 0
    :local ok false
    :while (!$ok && $tries < 5) do={
        :set tries ($tries + 1)
        :do {
            /ping 192.0.2.1 count=1
            :set ok true
        } on-error={ :delay 2s }
    }
    :for i from=1 to=3 step=1 do={ :put "round $i" }
    :local servers {"192.0.2.53"; "198.51.100.53"}
    :local settings {timeout=5; retries=2; "dns name"="resolver"}
    :foreach s in=$servers do={ :put ($s . " " . ($settings->"timeout")) }
}
# Clean the block list of entries older than the cut-off.
:foreach entry in=[/ip firewall address-list find where list=blacklist dynamic=no] do={
    :if ([/ip firewall address-list get $entry comment] = "temporary") do={
        /ip firewall address-list remove $entry
    }
}
