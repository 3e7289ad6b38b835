/**
 * The ceph.conf of a throwaway single-node cluster (one monitor, one OSD, one RADOS Gateway) on
 * loopback: no authentication, one replica, data in RAM. DSS.md §6 has why each setting is here.
 */
export type CephConfigInput = {
  readonly fsid: string
  /** The cluster's folder: every daemon's data, pid file, socket and log live below it. */
  readonly directory: string
  readonly monPorts: { readonly v2: number; readonly v1: number }
  readonly rgwPort: number
  /** memstore's capacity: writes beyond it fail, so it bounds the RAM the OSD may take. */
  readonly memstoreBytes: number
}

export const RGW_NAME = 'client.rgw.a'

export const monAddress = (ports: CephConfigInput['monPorts']): string =>
  `[v2:127.0.0.1:${ports.v2},v1:127.0.0.1:${ports.v1}]`

export const renderCephConfig = (input: CephConfigInput): string => {
  const dir = input.directory
  return `[global]
fsid = ${input.fsid}
mon host = ${monAddress(input.monPorts)}
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
ms bind ipv6 = false
# With auth none, radosgw otherwise waits 300 s for cephx and fails ("failed to fetch mon config").
ms mon client mode = crc
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon allow pool delete = true
# radosgw's first start creates its pools: 0.7 s instead of 9.3 s.
paxos propose interval = 0.05
mon warn on pool no redundancy = false
osd objectstore = memstore
memstore device bytes = ${input.memstoreBytes}
# S3 keys go up to 1,024 bytes; with the default 256 such a key fails with a bare 500.
osd max object name len = 2048
osd max object namespace len = 256
run dir = ${dir}/run
pid file = ${dir}/run/$name.pid
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
mon data = ${dir}/mon/$cluster-$id
osd data = ${dir}/osd/$cluster-$id
keyring = /dev/null
log to stderr = false
err to stderr = false
mon cluster log to stderr = false

[${RGW_NAME}]
rgw frontends = beast endpoint=127.0.0.1:${input.rgwPort}
rgw data = ${dir}/rgw
# Deleted objects' data is freed at once, so a long test run does not fill the RAM store.
rgw gc obj min wait = 0
rgw gc processor period = 10
`
}
