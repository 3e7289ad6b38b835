/**
 * The desktop app started with `--sync <pair>`: no window, the same core and command as
 * `npm run sync`, with the app's own secret store and the OS trash, then exit with the run's code.
 */
import { app, shell } from 'electron'
import { createCore } from '../core/core'
import { answerWithoutRun, EXIT, type SyncArgs } from '../core/sync/sync-args'
import { runSyncCommand } from '../core/sync/sync-command'
import { osTrash } from '../core/sync/trash'
import { appVersion } from '../core/version'
import { openSecretStore } from './secret-storage'

export const runSyncLaunch = async (args: SyncArgs): Promise<number> => {
  const answered = answerWithoutRun(args, { out: console.log, err: console.error })
  if (answered !== null || args.kind !== 'run') return answered ?? EXIT.usage
  // One core per data folder: an open app window holds the lock.
  if (!app.requestSingleInstanceLock()) {
    console.error('DSS Explorer is open: run the pair from its sidebar, or quit it first.')
    return EXIT.failed
  }
  const dataDir = app.getPath('userData')
  const core = createCore({
    dataDir,
    info: { version: appVersion, shell: 'electron', platform: process.platform },
    secrets: await openSecretStore(dataDir),
    downloadsDir: app.getPath('downloads'),
    trash: osTrash((file) => shell.trashItem(file)),
  })
  try {
    return await runSyncCommand(core.sync, args, (line) => console.log(line))
  } finally {
    await core.dispose()
  }
}
