/**
 * Which destinations of a copy, move or rename exist already: every source's target key,
 * checked against listings of the target folders (never a HEAD per key). Folder markers
 * ("name/") are left out: writing one where a folder is changes nothing.
 */
import { isFolderKey } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { keysAround } from '../transfers/existing-keys'
import type { Selection } from '../../../shared/objects'
import { walkSelection, type SourceObject } from './selection-walk'

export type CopyClashes = {
  /** What is stored around the destinations (so "name (1)" can be checked too). */
  readonly stored: ReadonlySet<string>
  /** Destination keys that exist, in selection order. */
  readonly existing: readonly string[]
}

export const findCopyClashes = async (
  connection: Connection,
  plan: {
    readonly selection: Selection
    readonly target: { readonly bucket: string }
    /** Where a source object lands (copy-objects.ts's targetKey). */
    readonly destinationOf: (source: SourceObject) => string
    /** The target account's connection, when it is not the source's. */
    readonly across?: Connection
  },
  signal?: AbortSignal,
): Promise<CopyClashes> => {
  const destinations: string[] = []
  for await (const page of walkSelection(connection, plan.selection, signal)) {
    for (const source of page) {
      const destination = plan.destinationOf(source)
      if (!isFolderKey(destination)) destinations.push(destination)
    }
  }
  if (destinations.length === 0) return { stored: new Set(), existing: [] }
  const stored = await keysAround(
    plan.across ?? connection,
    plan.target.bucket,
    destinations,
    signal,
  )
  return { stored, existing: destinations.filter((key) => stored.has(key)) }
}

/** The refusal when a copy would write onto existing names and no choice came with it. */
export const clashMessage = (existing: readonly string[]): string => {
  const shown = existing
    .slice(0, 3)
    .map((key) => `"${key}"`)
    .join(', ')
  const more =
    existing.length > 3 ? ` and ${(existing.length - 3).toLocaleString('en-US')} more` : ''
  return `${existing.length === 1 ? 'An object with this name exists' : `${existing.length.toLocaleString('en-US')} objects with these names exist`} in the target: ${shown}${more}. Choose whether to replace, skip or keep both.`
}
