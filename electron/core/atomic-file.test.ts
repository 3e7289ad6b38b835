/** Files on disk: written atomically for the user only, read back through a schema or set aside. */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readValidated, setAsideName, writeJsonAtomic, type SetAside } from './atomic-file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dss-atomic-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const schema = z.object({ version: z.literal(1), names: z.array(z.string()) })
const EMPTY = { version: 1 as const, names: [] }

describe('writeJsonAtomic', () => {
  it('makes missing folders 0700 and the file 0600, leaving no temporary file', async () => {
    const file = path.join(dir, 'deep', 'er', 'state.json')
    await writeJsonAtomic(file, { version: 1, names: ['a'] })
    expect((await stat(path.join(dir, 'deep'))).mode & 0o777).toBe(0o700)
    expect((await stat(path.join(dir, 'deep', 'er'))).mode & 0o777).toBe(0o700)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readdir(path.dirname(file))).toEqual(['state.json'])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, names: ['a'] })
  })

  it('replaces a file that others could read with one only the user can', async () => {
    const file = path.join(dir, 'state.json')
    await writeFile(file, '{}', { mode: 0o644 })
    await writeJsonAtomic(file, EMPTY)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })
})

describe('readValidated', () => {
  const read = async (salvage?: (json: unknown) => z.output<typeof schema> | null) => {
    const told: SetAside[] = []
    const value = await readValidated(
      path.join(dir, 'state.json'),
      schema,
      EMPTY,
      (aside) => told.push(aside),
      salvage,
    )
    return { value, told, names: (await readdir(dir)).sort() }
  }

  it('gives the fallback for a missing file, and the value of a good one, moving nothing', async () => {
    expect(await read()).toEqual({ value: EMPTY, told: [], names: [] })
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ version: 1, names: ['x'] }))
    expect(await read()).toEqual({
      value: { version: 1, names: ['x'] },
      told: [],
      names: ['state.json'],
    })
  })

  it.each([
    ['not JSON', '{ "version": 1, "names": ['],
    ['JSON of another shape', JSON.stringify({ version: 2, names: 'x' })],
    ['empty', ''],
  ])('sets aside a file that is %s, and says where it went', async (_what, content) => {
    await writeFile(path.join(dir, 'state.json'), content)
    const { value, told, names } = await read()
    expect(value).toEqual(EMPTY)
    expect(names).toEqual([expect.stringMatching(/^state\.json\.corrupt-\d{4}-\d\d-\d\dT/)])
    expect(told).toEqual([
      { file: path.join(dir, 'state.json'), movedTo: path.join(dir, names[0] ?? '') },
    ])
    expect(await readFile(path.join(dir, names[0] ?? ''), 'utf8')).toBe(content)
  })

  it('goes on with what could be salvaged, written as the new file', async () => {
    await writeFile(
      path.join(dir, 'state.json'),
      JSON.stringify({ version: 1, names: ['good', 7, 'also good'] }),
    )
    const { value, told, names } = await read((json) => ({
      version: 1,
      names: (json as { names: unknown[] }).names.filter((name) => typeof name === 'string'),
    }))
    expect(value).toEqual({ version: 1, names: ['good', 'also good'] })
    expect(told).toHaveLength(1)
    expect(names).toEqual(['state.json', expect.stringMatching(/^state\.json\.corrupt-/)])
    expect(JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8'))).toEqual(value)
  })

  it('names a set-aside file with a timestamp that sorts', () => {
    expect(setAsideName('/d/accounts.json', new Date('2026-12-07T10:15:00.123Z'))).toBe(
      '/d/accounts.json.corrupt-2026-12-07T10-15-00-123Z',
    )
  })
})
