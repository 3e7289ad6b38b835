import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createNameRulesProbe,
  nameKey,
  platformNameRules,
  probeNameRules,
  type NameRules,
} from './local-name-rules'

const NFC = 'Caf\u00e9.txt'
const NFD = 'cafe\u0301.TXT'

let root: string

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dss-name-rules-'))
})

afterAll(() => rm(root, { recursive: true, force: true }))

const same = (a: string, b: string, rules: NameRules): boolean =>
  nameKey(a, rules) === nameKey(b, rules)

describe('name keys', () => {
  it('keep every spelling apart where nothing is folded', () => {
    const rules = { foldsCase: false, normalisesUnicode: false }
    expect(same('Report.pdf', 'report.pdf', rules)).toBe(false)
    expect(same('caf\u00e9', 'cafe\u0301', rules)).toBe(false)
  })

  it('fold case only (Windows)', () => {
    const rules = platformNameRules('win32')
    expect(rules).toEqual({ foldsCase: true, normalisesUnicode: false })
    expect(same('Report.pdf', 'REPORT.PDF', rules)).toBe(true)
    expect(same('caf\u00e9', 'cafe\u0301', rules)).toBe(false)
  })

  it('fold normalisation only', () => {
    const rules = { foldsCase: false, normalisesUnicode: true }
    expect(same('caf\u00e9', 'cafe\u0301', rules)).toBe(true)
    expect(same('Report.pdf', 'report.pdf', rules)).toBe(false)
  })

  it('fold case and normalisation together (macOS)', () => {
    const rules = platformNameRules('darwin')
    expect(rules).toEqual({ foldsCase: true, normalisesUnicode: true })
    expect(same(NFC, NFD, rules)).toBe(true)
    expect(same('caf\u00e9', 'cafe', rules)).toBe(false)
  })

  it('on Linux, by platform, fold nothing', () => {
    expect(platformNameRules('linux')).toEqual({ foldsCase: false, normalisesUnicode: false })
  })
})

describe('probing a folder', () => {
  it('finds that this machine’s temporary folder folds neither, and leaves nothing behind', async () => {
    const folder = await mkdtemp(path.join(root, 'probe-'))
    expect(await probeNameRules(folder)).toEqual({ foldsCase: false, normalisesUnicode: false })
    expect(await readdir(folder)).toEqual([])
  })

  it('probes a folder not made yet in its nearest existing ancestor, once', async () => {
    const folder = await mkdtemp(path.join(root, 'cached-'))
    const rulesFor = createNameRulesProbe({ foldsCase: true, normalisesUnicode: true })
    const first = rulesFor(path.join(folder, 'not', 'made', 'yet'))
    expect(await first).toEqual({ foldsCase: false, normalisesUnicode: false })
    expect(await rulesFor(folder)).toBe(await first) // …of the one cached result
    expect(await readdir(folder)).toEqual([])
  })

  it('falls back to the given rules where no file can be made', async () => {
    const rulesFor = createNameRulesProbe({ foldsCase: true, normalisesUnicode: true })
    expect(await rulesFor('/proc/1')).toEqual({ foldsCase: true, normalisesUnicode: true })
  })
})
