/**
 * The web shell for the UI benchmark, run from source with a renderer built for this run: the
 * benchmark measures the working tree and never rewrites `dist/`, which end-to-end runs serve.
 * The local sandbox is started (and on this fresh data folder seeded) before the shell answers,
 * as on any run after the first: a first run seeds the demo bucket in the background on the same
 * thread as the core, which would share the listing's CPU (`npm run bench -- startup` times it).
 */
import { createCore } from '../electron/core/core'
import { startWebShell } from '../electron/web-shell/server'

const [rendererDir = '', dataDir = ''] = process.argv.slice(2)
const core = createCore({
  dataDir,
  info: { version: 'bench', shell: 'web', platform: process.platform },
})
const sandbox = await core.dispatch('sandbox.start', {}, { trusted: true })
if (!sandbox.ok) throw new Error(`the local sandbox did not start: ${sandbox.error.message}`)
const shell = await startWebShell({ core, rendererDir })
process.once('SIGTERM', () => {
  void shell
    .close()
    .then(() => core.dispose())
    .finally(() => process.exit(0))
})
console.log(`DSS Explorer is running at ${shell.url}`)
