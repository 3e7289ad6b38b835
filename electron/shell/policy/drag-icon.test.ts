import { describe, expect, it } from 'vitest'
import { pickDragIcon } from './drag-icon'

const icon = (name: string, empty = false) => ({ name, isEmpty: () => empty })

describe('the drag icon', () => {
  it('is the file-type icon when there is one', () => {
    expect(pickDragIcon([icon('type')], icon('app')).name).toBe('type')
  })

  it('is the app’s own when the file-type icon is empty or not fetched yet', () => {
    expect(pickDragIcon([icon('type', true)], icon('app')).name).toBe('app')
    expect(pickDragIcon([undefined, null], icon('app')).name).toBe('app')
    expect(pickDragIcon([], icon('app')).name).toBe('app')
  })
})
