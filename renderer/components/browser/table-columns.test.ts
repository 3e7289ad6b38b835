import { describe, expect, it } from 'vitest'
import { columnStyle, defaultColumns, readColumns } from './table-columns'

describe('the object table’s columns', () => {
  it('reads stored settings, and falls back to the defaults on anything else', () => {
    const stored = { hidden: ['type'], widths: { size: 80, modified: 200, type: 132 } }
    expect(readColumns(JSON.stringify(stored))).toEqual(stored)
    expect(readColumns(null)).toEqual(defaultColumns)
    expect(readColumns('{not json')).toEqual(defaultColumns)
    expect(readColumns(JSON.stringify({ ...stored, hidden: ['name'] }))).toEqual(defaultColumns)
    expect(
      readColumns(JSON.stringify({ ...stored, widths: { ...stored.widths, size: 5 } })),
    ).toEqual(defaultColumns)
  })

  it('lays out the name and the shown columns at their widths', () => {
    expect(columnStyle(defaultColumns)).toEqual({
      '--object-columns': 'minmax(200px, 1fr) 96px 176px 132px',
      '--object-min-width': '604px',
    })
    expect(
      columnStyle({ hidden: ['size'], widths: { size: 96, modified: 150, type: 100 } }),
    ).toEqual({
      '--object-columns': 'minmax(200px, 1fr) 150px 100px',
      '--object-min-width': '450px',
    })
  })
})
