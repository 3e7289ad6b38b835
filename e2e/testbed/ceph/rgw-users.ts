/**
 * S3 users on a running cluster, each in a tenant of its own: a tenant has its own bucket
 * namespace, so every test bed can create `demo` without meeting another test's `demo`.
 */
import { randomBytes } from 'node:crypto'
import type { TestCredentials } from '../test-credentials.js'
import { runCeph } from './ceph-commands.js'
import type { CephClusterInfo } from './ceph-cluster.js'

export type RgwUser = { readonly tenant: string; readonly uid: string }

const admin = (
  cluster: CephClusterInfo,
  args: readonly string[],
  timeoutMs?: number,
): Promise<string> => runCeph('radosgw-admin', ['-c', cluster.confPath, ...args], timeoutMs)

export const createRgwUser = async (
  cluster: CephClusterInfo,
  credentials: TestCredentials,
): Promise<RgwUser> => {
  const user = { tenant: `t${randomBytes(6).toString('hex')}`, uid: 'tester' }
  await admin(cluster, [
    'user',
    'create',
    `--tenant=${user.tenant}`,
    `--uid=${user.uid}`,
    '--display-name=DSS Explorer test',
    `--access-key=${credentials.accessKeyId}`,
    `--secret-key=${credentials.secretAccessKey}`,
  ])
  return user
}

/** Removes the user with its buckets and objects, so the RAM they held is given back. */
export const removeRgwUser = async (cluster: CephClusterInfo, user: RgwUser): Promise<void> => {
  await admin(cluster, [
    'user',
    'rm',
    `--tenant=${user.tenant}`,
    `--uid=${user.uid}`,
    '--purge-data',
  ])
}
