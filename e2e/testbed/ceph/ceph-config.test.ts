/** The generated ceph.conf: the settings without which RGW hangs or refuses long keys. */
import { describe, expect, it } from 'vitest'
import { monAddress, renderCephConfig } from './ceph-config.js'

const config = renderCephConfig({
  fsid: '00000000-0000-4000-8000-000000000000',
  directory: '/tmp/dss-ceph-x',
  monPorts: { v2: 40001, v1: 40002 },
  rgwPort: 40003,
  memstoreBytes: 1024,
})

const setting = (name: string): string | undefined =>
  config
    .split('\n')
    .find((line) => line.startsWith(`${name} = `))
    ?.slice(name.length + 3)

describe('renderCephConfig', () => {
  it('binds everything to loopback on the given ports', () => {
    expect(monAddress({ v2: 1, v1: 2 })).toBe('[v2:127.0.0.1:1,v1:127.0.0.1:2]')
    expect(setting('mon host')).toBe('[v2:127.0.0.1:40001,v1:127.0.0.1:40002]')
    expect(setting('rgw frontends')).toBe('beast endpoint=127.0.0.1:40003')
    expect(setting('ms bind ipv6')).toBe('false')
  })

  it('has the two settings without which radosgw hangs or starts slowly (DSS.md §6)', () => {
    expect(setting('ms mon client mode')).toBe('crc')
    expect(setting('paxos propose interval')).toBe('0.05')
  })

  it('keeps 1,024-byte keys storable and data in RAM, capped', () => {
    expect(Number(setting('osd max object name len'))).toBeGreaterThanOrEqual(2048)
    expect(setting('osd objectstore')).toBe('memstore')
    expect(setting('memstore device bytes')).toBe('1024')
  })

  it('keeps every file of the cluster inside its folder', () => {
    const paths = config
      .split('\n')
      .filter((line) => / = \//.test(line) && !line.startsWith('keyring'))
      .map((line) => line.split(' = ')[1] ?? '')
    expect(paths.length).toBeGreaterThanOrEqual(6)
    for (const file of paths) expect(file.startsWith('/tmp/dss-ceph-x/')).toBe(true)
  })
})
