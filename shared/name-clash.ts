/**
 * The one name-clash policy for every operation that writes a name that exists: upload, paste,
 * copy, move, rename and download. The user is asked; the choice travels with the command.
 */

/** Replace what is there, leave it and skip this item, or keep both under "name (1)". */
export const nameClashPolicies = ['overwrite', 'skip', 'keep-both'] as const
export type NameClashPolicy = (typeof nameClashPolicies)[number]

/** For downloads: a local file is never replaced, so keep both (the default) or skip it. */
export const localClashPolicies = [
  'keep-both',
  'skip',
] as const satisfies readonly NameClashPolicy[]
export type LocalClashPolicy = (typeof localClashPolicies)[number]
