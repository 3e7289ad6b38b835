/**
 * Benchmark output: one JSON line per figure on stdout, as the issues ask, and a plain table of
 * the same figures on stderr for reading a run by eye.
 */
export type Figure = {
  readonly suite: string
  readonly metric: string
  readonly value: number
  readonly unit: string
  readonly tool: string
}

export const report = (figure: Figure): void => {
  console.log(JSON.stringify({ ...figure, value: Math.round(figure.value * 1000) / 1000 }))
}

/** A time as a multiple of a reference time: above 1 is slower than the reference. */
export type Reference = { readonly name: string; readonly ms: number }

export const reportRatio = (
  suite: string,
  metric: string,
  tool: string,
  ms: number,
  reference: Reference,
): number => {
  const value = ms / reference.ms
  report({ suite, metric: `${metric} ÷ ${reference.name}`, value, unit: 'x', tool })
  return value
}

export const fixed = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–'

/** The first `textColumns` columns are left-aligned, the figures after them right-aligned. */
export const printTable = (
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns = 1,
): void => {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column < textColumns
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
  console.error(`\n${title}\n${line(header)}\n${rows.map(line).join('\n')}\n`)
}
