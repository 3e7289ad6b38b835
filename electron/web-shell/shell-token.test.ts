import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadShellToken } from './shell-token'

let root: string

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dss-shell-token-'))
})

afterAll(() => rm(root, { recursive: true, force: true }))

describe('the web shell token', () => {
  it('is the same for every start on one data folder, and readable by the user alone', async () => {
    const dataDir = path.join(root, 'one')
    const first = await loadShellToken(dataDir)
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(await loadShellToken(dataDir)).toBe(first)
    expect((await stat(path.join(dataDir, 'web-shell-token'))).mode & 0o777).toBe(0o600)
  })

  it('differs between data folders', async () => {
    expect(await loadShellToken(path.join(root, 'a'))).not.toBe(
      await loadShellToken(path.join(root, 'b')),
    )
  })

  it('is made anew when the file is damaged', async () => {
    const dataDir = path.join(root, 'damaged')
    const first = await loadShellToken(dataDir)
    await writeFile(path.join(dataDir, 'web-shell-token'), first.slice(0, 10))
    const second = await loadShellToken(dataDir)
    expect(second).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(await readFile(path.join(dataDir, 'web-shell-token'), 'utf8')).toBe(second)
  })
})
