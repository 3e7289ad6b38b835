/**
 * `npm start` with an Electron runtime present: a stand-in runtime (a script where Electron's
 * binary would be, through ELECTRON_OVERRIDE_DIST_PATH) records how the launcher starts it.
 */
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { electronArgs } from './launch-plan'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

describe('electronArgs', () => {
  it('starts Electron on the app folder and keeps the web shell’s flags to itself', () => {
    expect(electronArgs('/app', [])).toEqual(['/app'])
    expect(electronArgs('/app', ['--no-open', '--port', '5190', '--inspect', 'x'])).toEqual([
      '/app',
      '--inspect',
      'x',
    ])
  })
})

describe('the launcher with an Electron runtime', () => {
  let fake: string
  beforeAll(async () => {
    fake = await mkdtemp(path.join(os.tmpdir(), 'dss-fake-electron-'))
    // Writes what it was started with, then exits as Electron would when the app quits.
    await writeFile(
      path.join(fake, 'electron'),
      `#!/bin/sh\nnode -e 'require("fs").writeFileSync(process.env.RECORD, JSON.stringify({ args: process.argv.slice(1) }))' -- "$@"\nexit 3\n`,
    )
    await chmod(path.join(fake, 'electron'), 0o755)
  })
  afterAll(() => rm(fake, { recursive: true, force: true }))

  it('hands Electron the folder whose package.json names the app and its ESM main', async () => {
    const record = path.join(fake, 'record.json')
    const code = await new Promise<number | null>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'electron', 'launch.ts'), '--no-open', '--trace'],
        { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: fake, RECORD: record } },
      )
      child.on('exit', (exitCode) => resolve(exitCode))
    })
    // The launcher exits with Electron's code.
    expect(code).toBe(3)
    const { args } = JSON.parse(await readFile(record, 'utf8')) as { args: string[] }
    expect(args).toEqual([root, '--trace'])
    const pkg = JSON.parse(await readFile(path.join(args[0] ?? '', 'package.json'), 'utf8')) as {
      name: string
      productName: string
      type: string
      main: string
    }
    expect(pkg).toMatchObject({
      name: 'dss-explorer',
      productName: 'DSS Explorer',
      type: 'module',
      main: 'dist/electron/main.js',
    })
  })
})
