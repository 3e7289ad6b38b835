/**
 * One cluster for a whole test run: the runner's global setup starts it and names it in an
 * environment variable that its workers (and the processes they spawn) inherit. A process started
 * without one (a benchmark, the standalone test bed) starts its own on first use and stops it
 * when its last user lets go.
 */
import { startCephCluster, type CephCluster, type CephClusterInfo } from './ceph-cluster.js'

export const CLUSTER_ENV = 'DSS_TESTBED_CEPH'

export type ClusterLease = { readonly cluster: CephClusterInfo; release(): Promise<void> }

const isInfo = (value: unknown): value is CephClusterInfo =>
  typeof value === 'object' &&
  value !== null &&
  ['directory', 'confPath', 's3Url'].every(
    (field) => typeof (value as Record<string, unknown>)[field] === 'string',
  )

export const clusterFromEnv = (env: NodeJS.ProcessEnv = process.env): CephClusterInfo | null => {
  const text = env[CLUSTER_ENV]
  if (!text) return null
  const parsed: unknown = JSON.parse(text)
  if (!isInfo(parsed)) throw new Error(`${CLUSTER_ENV} does not describe a Ceph cluster: ${text}`)
  return parsed
}

let own: { cluster: Promise<CephCluster>; users: number } | null = null

export const leaseCluster = async (): Promise<ClusterLease> => {
  const shared = clusterFromEnv()
  if (shared) return { cluster: shared, release: async () => undefined }
  own ??= { cluster: startCephCluster(), users: 0 }
  const current = own
  current.users += 1
  try {
    const cluster = await current.cluster
    let released = false
    return {
      cluster,
      async release() {
        if (released) return
        released = true
        current.users -= 1
        if (current.users === 0 && own === current) {
          own = null
          await cluster.stop()
        }
      },
    }
  } catch (error) {
    current.users -= 1
    if (own === current) own = null
    throw error
  }
}

/** For Vitest's and Playwright's global setup: start the run's cluster, return its teardown. */
export const startSharedCluster = async (): Promise<() => Promise<void>> => {
  if (clusterFromEnv()) return async () => undefined
  const cluster = await startCephCluster()
  const { directory, confPath, s3Url } = cluster
  process.env[CLUSTER_ENV] = JSON.stringify({ directory, confPath, s3Url })
  return async () => {
    Reflect.deleteProperty(process.env, CLUSTER_ENV)
    await cluster.stop()
  }
}
