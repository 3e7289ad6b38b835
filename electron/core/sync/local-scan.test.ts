import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { scanLocal } from './local-scan'

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sync-scan-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

it('stats files, keeps empty folders, and skips symbolic links with a reason', async () => {
  const tree = path.join(root, 'tree')
  await mkdir(path.join(tree, 'a', 'b'), { recursive: true })
  await mkdir(path.join(tree, 'empty', 'inner'), { recursive: true })
  await writeFile(path.join(tree, 'a', 'b', 'deep.txt'), 'deep')
  await writeFile(path.join(tree, 'zero'), '')
  await symlink(path.join(tree, 'a'), path.join(tree, 'loop'))
  await symlink('/etc/hostname', path.join(tree, 'outside.txt'))
  const scan = await scanLocal(tree)
  expect([...scan.entries.keys()].sort()).toEqual(['a/b/deep.txt', 'empty/inner/', 'zero'])
  expect(scan.entries.get('a/b/deep.txt')).toMatchObject({ kind: 'file', size: 4 })
  expect(scan.entries.get('zero')).toMatchObject({ kind: 'file', size: 0 })
  expect(scan.skipped.map((skipped) => skipped.path).sort()).toEqual(['loop', 'outside.txt'])
  expect(scan.skipped[0]?.reason).toMatch(/symbolic link/)
})

it('says plainly when the folder is not there', async () => {
  await expect(scanLocal(path.join(root, 'missing'))).rejects.toThrow(
    /The local folder .*missing does not exist or is not a folder\./,
  )
})
