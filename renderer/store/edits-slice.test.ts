import { describe, expect, it } from 'vitest'
import type { DssApi } from '../../shared/contract'
import type { EditSession } from '../../shared/edits'
import { createFakeDssApi } from '../api/fake-dss-api.test-fixture'
import { createAppStore } from './create-app-store'

const session = (changes: Partial<EditSession> = {}): EditSession => ({
  id: 'e1',
  accountId: 'a',
  bucket: 'b',
  key: 'docs/note.txt',
  name: 'note.txt',
  state: 'editing',
  saves: 0,
  lastSavedAt: null,
  error: null,
  ...changes,
})

/** The fake API, answering edits.* as main would (or failing to open). */
const setUp = (openFails = false) => {
  const fake = createFakeDssApi()
  const sent: { name: string; request: unknown }[] = []
  const api: DssApi = {
    ...fake,
    invoke: (async (name: string, request: unknown) => {
      if (!name.startsWith('edits.')) return fake.invoke(name as never, request as never)
      sent.push({ name, request })
      if (name === 'edits.open' && openFails) {
        return {
          ok: false,
          error: {
            code: 'OPEN_FAILED',
            message: 'This computer has no program to open files with.',
          },
        }
      }
      if (name === 'edits.open') return { ok: true, value: session() }
      if (name === 'edits.resolve') return { ok: true, value: session({ saves: 1 }) }
      return { ok: true, value: null }
    }) as DssApi['invoke'],
  }
  return { store: createAppStore(api), sent }
}

const location = { accountId: 'a', bucket: 'b', prefix: 'docs/' }

describe('files open for editing', () => {
  it('lists a file once it is open, and forgets it when editing stops', async () => {
    const { store } = setUp()
    await store.getState().openForEditing(location, 'docs/note.txt')
    expect([...store.getState().edits.values()]).toEqual([session()])
    store.getState().applyEditUpdate(session({ state: 'stopped' }))
    expect(store.getState().edits.size).toBe(0)
  })

  it('says why a file could not be opened', async () => {
    const { store } = setUp(true)
    await store.getState().openForEditing(location, 'docs/note.txt')
    expect(store.getState().editProblem?.code).toBe('OPEN_FAILED')
    expect(store.getState().edits.size).toBe(0)
  })

  it('sends the user’s choice for a save the server copy changed under', async () => {
    const { store, sent } = setUp()
    store.getState().applyEditUpdate(session({ state: 'conflict' }))
    await store.getState().resolveEdit('e1', 'keep-both')
    expect(sent).toEqual([{ name: 'edits.resolve', request: { id: 'e1', choice: 'keep-both' } }])
    expect(store.getState().edits.get('e1')).toMatchObject({ state: 'editing', saves: 1 })
  })
})
