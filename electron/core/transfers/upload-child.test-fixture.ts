/**
 * Run by the resume test as a separate process (`node --import tsx`), to be SIGKILLed in the
 * middle of a multipart upload: a core on the given data folder starts uploading one file.
 * Arguments: dataDir accountId bucket key file partSizeBytes [partsInFlight, default 2].
 */
import { createCore } from '../core'
import { callerFor } from './transfer-testing.test-fixture'

const [dataDir, accountId, bucket, key, file, partSize, partsInFlight = '2'] = process.argv.slice(2)
if (!dataDir || !accountId || !bucket || !key || !file || !partSize) {
  throw new Error('usage: dataDir accountId bucket key file partSizeBytes')
}

const core = createCore({ dataDir, info: { version: 'test', shell: 'web', platform: 'linux' } })
const call = callerFor(core)
await call('transfers.settings', {
  partSize: Number(partSize),
  partsInFlight: Number(partsInFlight),
})
await call('transfers.upload', {
  accountId,
  bucket,
  prefix: '',
  files: [{ source: { kind: 'path', path: file }, relativeKey: key }],
  folders: [],
  conflict: 'overwrite',
})
process.stdout.write('started\n')
// Stay alive until killed; the upload runs on its own.
setInterval(() => undefined, 60_000)
