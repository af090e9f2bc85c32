# nov/22/2026 02:10:44 by RouterOS 7.16
# software id = ABCD-1234
#
# model = RB5009UG+S+
/interface bridge
add admin-mac=48:A9:8A:00:00:01 auto-mac=no comment=defconf name=bridge
/interface list
add comment=defconf name=WAN
add comment=defconf name=LAN
/ip pool
add name=dhcp ranges=192.168.88.10-192.168.88.254
/ip dhcp-server
add address-pool=dhcp interface=bridge lease-time=10m name=defconf
/interface list member
add comment=defconf interface=bridge list=LAN
add comment=defconf interface=ether1 list=WAN
/ip dhcp-server network
add address=192.168.88.0/24 comment=defconf dns-server=192.168.88.1 gateway=\
    192.168.88.1
/ip dns
set allow-remote-requests=yes
/ip firewall filter
add action=accept chain=input comment=\
    "defconf: accept established,related,untracked" connection-state=\
    established,related,untracked
add action=accept chain=input comment="defconf: accept ICMP" protocol=icmp
add action=accept chain=forward comment="defconf: accept in ipsec policy" \
    ipsec-policy=in,ipsec
add action=fasttrack-connection chain=forward comment="defconf: fasttrack" \
    connection-state=established,related hw-offload=yes
/ip firewall nat
add action=masquerade chain=srcnat comment="defconf: masquerade" \
    ipsec-policy=out,none out-interface-list=WAN
/system clock
set time-zone-name=Europe/Riga
/system scheduler
add interval=1d name=nightly on-event="/system script run nightly-backup" \
    policy=read,write,policy,test start-date=2026-01-01 start-time=03:00:00
/system script
add dont-require-permissions=no name=nightly-backup owner=admin policy=\
    read,write,policy,test source=":local name [/system identity get name]\r\
    \n/system backup save name=(\$name . \"-nightly\")\r\
    \n:log info \"backup done\""
/tool netwatch
add comment=uplink down-script=":log warning \"uplink down\"" host=1.1.1.1 \
    up-script=":log info \"uplink up\""
