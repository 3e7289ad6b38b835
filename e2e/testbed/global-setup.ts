/** Global setup for Vitest and Playwright: one Ceph cluster for the whole run (see ceph/). */
import { startSharedCluster } from './ceph/shared-cluster.js'

// Playwright reads only a default export here; its returned function is the teardown.
// eslint-disable-next-line no-restricted-syntax
export default startSharedCluster
