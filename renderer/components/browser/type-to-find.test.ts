import { describe, expect, it } from 'vitest'
import { createTypedText, findRow, isFindKey } from './type-to-find'

const rows = ['documents', 'logs', 'photos', 'pictures', 'readme.txt'].map((folded) => ({ folded }))

describe('type-to-find', () => {
  it('moves to the next row starting with the text, keeping a row that still matches', () => {
    expect(findRow(rows, 'p', -1)).toBe(2)
    expect(findRow(rows, 'pi', 2)).toBe(3)
    expect(findRow(rows, 'ph', 2)).toBe(2)
    expect(findRow(rows, 're', 0)).toBe(4)
    expect(findRow(rows, 'zz', 0)).toBe(-1)
  })

  it('steps through rows with the same first letter when that letter is pressed again', () => {
    expect(findRow(rows, 'p', 2)).toBe(3)
    expect(findRow(rows, 'pp', 3)).toBe(2)
    // Wraps round past the end.
    expect(findRow(rows, 'd', 4)).toBe(0)
  })

  it('starts a new text after a pause of a second', () => {
    let clock = 0
    const typed = createTypedText(() => clock)
    expect(typed.type('R')).toBe('r')
    clock = 400
    expect(typed.typing()).toBe(true)
    expect(typed.type('e')).toBe('re')
    clock = 1500
    expect(typed.typing()).toBe(false)
    expect(typed.type('l')).toBe('l')
  })

  it('leaves shortcuts and, between searches, Space to the table', () => {
    expect(isFindKey({ key: 'a', ctrlKey: false, metaKey: false, altKey: false }, false)).toBe(true)
    expect(isFindKey({ key: 'a', ctrlKey: true, metaKey: false, altKey: false }, false)).toBe(false)
    expect(isFindKey({ key: 'F2', ctrlKey: false, metaKey: false, altKey: false }, false)).toBe(
      false,
    )
    expect(isFindKey({ key: ' ', ctrlKey: false, metaKey: false, altKey: false }, false)).toBe(
      false,
    )
    expect(isFindKey({ key: ' ', ctrlKey: false, metaKey: false, altKey: false }, true)).toBe(true)
  })
})
