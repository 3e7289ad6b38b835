/**
 * The one decision every write makes when its name is taken (uploads, copy, move, rename): by
 * the user's policy, the name to write, or null to leave this item alone. Synchronous, so
 * parallel workers claiming names never race between a check and a claim.
 */
import type { NameClashPolicy } from '../../shared/name-clash'
import { numberedName } from './transfers/numbered-name'

export const settleName = (
  wanted: string,
  policy: NameClashPolicy,
  taken: (name: string) => boolean,
): string | null => {
  if (!taken(wanted) || policy === 'overwrite') return wanted
  if (policy === 'skip') return null
  for (let n = 1; ; n += 1) {
    const candidate = numberedName(wanted, n)
    if (!taken(candidate)) return candidate
  }
}
