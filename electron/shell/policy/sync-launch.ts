/**
 * Whether this launch of the desktop app is a sync run for a scheduler (`--sync <pair> [--yes]`,
 * no window) or the app; what follows `--sync` goes to the same parser as `npm run sync`.
 */
import { parseSyncArgs, type SyncArgs } from '../../core/sync/sync-args'

export type LaunchMode =
  { readonly kind: 'window' } | { readonly kind: 'sync'; readonly args: SyncArgs }

export const launchModeOf = (argv: readonly string[]): LaunchMode => {
  const at = argv.indexOf('--sync')
  if (at === -1) return { kind: 'window' }
  return { kind: 'sync', args: parseSyncArgs(argv.slice(at + 1)) }
}
