/**
 * The S3 peer behind the gateway emulator: Ceph's RADOS Gateway, a real S3 implementation. Each
 * peer is an S3 user in a tenant of its own on the run's cluster, so its buckets are its own.
 */
import { createRgwUser, removeRgwUser } from './ceph/rgw-users.js'
import { leaseCluster } from './ceph/shared-cluster.js'
import { once } from './once.js'
import type { TestCredentials } from './test-credentials.js'

export type S3Peer = {
  /** The gateway's plain HTTP endpoint on loopback: past the emulator, no limit, no faults. */
  readonly url: string
  readonly port: number
  /** The peer's tenant on the cluster: buckets of other peers are invisible to it. */
  readonly tenant: string
  stop(): Promise<void>
}

export const startS3Peer = async (credentials: TestCredentials): Promise<S3Peer> => {
  const lease = await leaseCluster()
  try {
    const user = await createRgwUser(lease.cluster, credentials)
    const url = lease.cluster.s3Url
    return {
      url,
      port: Number(new URL(url).port),
      tenant: user.tenant,
      stop: once(async () => {
        try {
          await removeRgwUser(lease.cluster, user)
        } finally {
          await lease.release()
        }
      }),
    }
  } catch (error) {
    await lease.release()
    throw error
  }
}
