/**
 * The bucket list's order and selection as pure functions: sort by name or creation date, and
 * what a click, Ctrl/Cmd-click, Shift-click or arrow key makes of the selection (as in the
 * object table).
 */
import type { BucketSummary } from '../../shared/accounts'

export type BucketColumn = 'name' | 'created'
export type BucketOrder = { readonly column: BucketColumn; readonly descending: boolean }

export type BucketSelection = {
  readonly selected: ReadonlySet<string>
  /** Where a Shift-click or Shift+arrow range starts. */
  readonly anchor: string | null
  /** The row the keyboard is on. */
  readonly focus: string | null
}

export const noBucketSelection: BucketSelection = {
  selected: new Set(),
  anchor: null,
  focus: null,
}

const byName = (a: BucketSummary, b: BucketSummary): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0

/** Buckets in the chosen order; ties (and missing dates, which go last) fall back to the name. */
export const sortBuckets = (
  buckets: readonly BucketSummary[],
  order: BucketOrder,
): BucketSummary[] => {
  const sign = order.descending ? -1 : 1
  return [...buckets].sort((a, b) => {
    if (order.column === 'created') {
      const left = a.createdAt === null ? null : Date.parse(a.createdAt)
      const right = b.createdAt === null ? null : Date.parse(b.createdAt)
      if (left !== right) {
        if (left === null) return 1
        if (right === null) return -1
        return sign * (left - right)
      }
      return byName(a, b)
    }
    return sign * byName(a, b)
  })
}

/** A click on a column title: that column ascending, or the same one flipped. */
export const nextOrder = (order: BucketOrder, column: BucketColumn): BucketOrder =>
  order.column === column
    ? { column, descending: !order.descending }
    : { column, descending: false }

const range = (names: readonly string[], from: string | null, to: string): string[] => {
  const end = names.indexOf(to)
  const start = from === null ? end : names.indexOf(from)
  if (start === -1 || end === -1) return [to]
  return names.slice(Math.min(start, end), Math.max(start, end) + 1)
}

export type SelectMode = 'replace' | 'toggle' | 'range'

/** A click on a row: replace the selection, toggle one row (Ctrl/Cmd) or extend to it (Shift). */
export const selectBucket = (
  current: BucketSelection,
  names: readonly string[],
  name: string,
  mode: SelectMode,
): BucketSelection => {
  if (mode === 'range') {
    return {
      selected: new Set(range(names, current.anchor, name)),
      anchor: current.anchor ?? name,
      focus: name,
    }
  }
  if (mode === 'toggle') {
    const selected = new Set(current.selected)
    if (selected.has(name)) selected.delete(name)
    else selected.add(name)
    return { selected, anchor: name, focus: name }
  }
  return { selected: new Set([name]), anchor: name, focus: name }
}

/** An arrow, Page or Home/End key: moves the focus by `delta` rows, selecting it (Shift: a range). */
export const moveBucketFocus = (
  current: BucketSelection,
  names: readonly string[],
  delta: number,
  extend: boolean,
): BucketSelection => {
  if (names.length === 0) return current
  const at = current.focus === null ? -1 : names.indexOf(current.focus)
  const target =
    at === -1
      ? delta < 0
        ? names.length - 1
        : 0
      : Math.max(0, Math.min(names.length - 1, at + delta))
  const name = names[target] ?? ''
  return selectBucket(current, names, name, extend ? 'range' : 'replace')
}
