/** Where the object browser is: a folder prefix ('' for the root) of one bucket of one account. */

export type Location = {
  readonly accountId: string
  readonly bucket: string
  readonly prefix: string
}

export const sameLocation = (a: Location | null, b: Location | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.accountId === b.accountId &&
    a.bucket === b.bucket &&
    a.prefix === b.prefix)

/** Whether a change under one prefix can alter a listing of the other (one contains the other). */
export const prefixesOverlap = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a)
