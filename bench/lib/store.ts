/**
 * The RADOS Gateway's store between transfer phases. memstore holds every byte in RAM, and RGW
 * frees a deleted object's data only when its garbage collector runs: each phase empties the
 * bucket and runs the collector at once, so the store never holds more than one phase needs.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import { runCeph } from '../../e2e/testbed/ceph/ceph-commands'
import { leaseCluster } from '../../e2e/testbed/ceph/shared-cluster'
import type { TestBed } from '../../e2e/testbed/test-bed'
import { sizeLabel } from './files'
import { awscli } from './peers'

const GIB = 1024 ** 3

export type Store = {
  /** memstore's capacity in bytes, as the cluster's ceph.conf sets it. */
  readonly capacityBytes: number
  /**
   * The largest whole number of GiB up to `wanted` this machine can hold now, and why: memstore
   * keeps an upload in RAM, and its OSD grew by about 1.6 bytes per byte stored (1 GiB: +1.6 GiB).
   */
  fit(wanted: number): { bytes: number; why: string }
  /** Deletes every object in the bucket and gives their RAM back. */
  empty(bucket: string): Promise<void>
  release(): Promise<void>
}

/** RAM the kernel could give us now (MemAvailable), in bytes. */
const availableRam = (): number => {
  const kib = /^MemAvailable:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]
  return kib ? Number(kib) * 1024 : os.freemem()
}

export const openStore = async (bed: TestBed): Promise<Store> => {
  // The test bed's own cluster: a second lease on it, for its config and its admin tool.
  const lease = await leaseCluster()
  try {
    const conf = await readFile(lease.cluster.confPath, 'utf8')
    const capacityBytes = Number(/^memstore device bytes = (\d+)$/m.exec(conf)?.[1] ?? Number.NaN)
    const aws = await awscli({
      endpoint: bed.peer.url,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    })
    return {
      capacityBytes,
      fit(wanted) {
        const available = availableRam()
        const fitsRam = (available - 2 * GIB) / 1.7
        const fitsStore = capacityBytes * 0.8
        return {
          bytes: Math.min(wanted, Math.floor(Math.min(fitsRam, fitsStore) / GIB) * GIB),
          why: `${sizeLabel(available)} of RAM available, memstore holds ${sizeLabel(capacityBytes)}`,
        }
      },
      async empty(bucket) {
        await aws(['s3', 'rm', '--recursive', '--only-show-errors', `s3://${bucket}/`])
        const args = ['-c', lease.cluster.confPath, 'gc', 'process', '--include-all']
        await runCeph('radosgw-admin', args, 300_000)
      },
      release: () => lease.release(),
    }
  } catch (error) {
    await lease.release()
    throw error
  }
}
