/**
 * The web shell for the UI benchmark, run from source with a renderer built for this run: the
 * benchmark measures the working tree and never rewrites `dist/`, which end-to-end runs serve.
 */
import { createCore } from '../electron/core/core'
import { startWebShell } from '../electron/web-shell/server'

const [rendererDir = '', dataDir = ''] = process.argv.slice(2)
const core = createCore({
  dataDir,
  info: { version: 'bench', shell: 'web', platform: process.platform },
})
const shell = await startWebShell({ core, rendererDir })
process.once('SIGTERM', () => {
  void shell
    .close()
    .then(() => core.dispose())
    .finally(() => process.exit(0))
})
console.log(`DSS Explorer is running at ${shell.url}`)
