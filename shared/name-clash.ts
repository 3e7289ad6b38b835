/**
 * The one name-clash policy for every operation that writes a name that exists: upload, paste,
 * copy, move, rename and download. The user is asked; the choice travels with the command.
 */

/** Replace what is there, leave it and skip this item, or keep both under "name (1)". */
export const nameClashPolicies = ['overwrite', 'skip', 'keep-both'] as const
export type NameClashPolicy = (typeof nameClashPolicies)[number]

/**
 * For downloads: keep both (the default), skip, or replace the local file. A replaced file is
 * swapped in whole when the download is complete (rename), never written over in place.
 */
export const localClashPolicies = [
  'keep-both',
  'skip',
  'overwrite',
] as const satisfies readonly NameClashPolicy[]
export type LocalClashPolicy = (typeof localClashPolicies)[number]
