/**
 * The command line of a sync run (`npm run sync -- <pair>`, the packaged app's `--sync <pair>`),
 * parsed as a pure function, and the exit codes a scheduler sees.
 */

export const EXIT = {
  /** The pair is in step (or was brought in step). */
  done: 0,
  /** Something failed: a transfer, a listing, the account. */
  failed: 1,
  /** A guard stopped the run (deletes over the limit): run again with --yes to confirm. */
  stopped: 2,
  /** Bad usage, or no pair of that name (EX_USAGE). */
  usage: 64,
} as const

export const SYNC_USAGE =
  'Usage: npm run sync -- <pair name or id> [--yes]\n' +
  "  Runs a saved sync pair with the app's accounts and data folder and prints one line.\n" +
  "  --yes  confirm deletes over the pair's limits (without it such a run stops with exit code 2)\n" +
  'Exit codes: 0 in step, 1 failed, 2 stopped by a guard (needs confirmation), 64 bad usage.'

export type SyncArgs =
  | { readonly kind: 'run'; readonly pair: string; readonly confirmDeletes: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage'; readonly message: string }

export const parseSyncArgs = (args: readonly string[]): SyncArgs => {
  const names: string[] = []
  let confirmDeletes = false
  let afterDashes = false
  for (const arg of args) {
    if (!afterDashes && arg === '--') afterDashes = true
    else if (!afterDashes && (arg === '--help' || arg === '-h')) return { kind: 'help' }
    else if (!afterDashes && (arg === '--yes' || arg === '-y')) confirmDeletes = true
    else if (!afterDashes && arg.startsWith('-')) {
      return { kind: 'usage', message: `Unknown option ${arg}.` }
    } else names.push(arg)
  }
  if (names.length === 0) return { kind: 'usage', message: 'Name the sync pair to run.' }
  if (names.length > 1) {
    return {
      kind: 'usage',
      message: `Name one sync pair (got ${names.length}: ${names.map((n) => JSON.stringify(n)).join(', ')}); quote a name with spaces.`,
    }
  }
  return { kind: 'run', pair: names[0] as string, confirmDeletes }
}

/**
 * What a sync entry answers before it starts a core: the usage for --help (exit 0) or for bad
 * usage (exit 64), printed through `print`; null when there is a pair to run.
 */
export const answerWithoutRun = (
  args: SyncArgs,
  print: { readonly out: (text: string) => void; readonly err: (text: string) => void },
): number | null => {
  if (args.kind === 'help') {
    print.out(SYNC_USAGE)
    return EXIT.done
  }
  if (args.kind === 'usage') {
    print.err(`${args.message}\n${SYNC_USAGE}`)
    return EXIT.usage
  }
  return null
}
