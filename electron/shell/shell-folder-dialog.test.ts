/**
 * The OS folder dialog through the booted shell: the page's window.dss.chooseFolder (the built
 * preload) → the stand-in's IPC → the trust check and policy/folder-dialog.ts → dialog.showOpenDialog
 * on the page's window, and the chosen folder back.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DssApi } from '../../shared/contract'
import { bootShell, type ElectronProcess } from './testing/boot-shell'
import { buildApp, type BuiltApp } from './testing/build-app'
import { dssOf, mainWindowOf } from './testing/shell-page'

let built: BuiltApp
let work: string
let electron: ElectronProcess
let dss: DssApi

beforeAll(async () => {
  built = await buildApp()
  work = await mkdtemp(path.join(os.tmpdir(), 'dss-shell-folder-'))
  electron = await bootShell(built.mainFile, {
    userData: path.join(work, 'data'),
    downloads: path.join(work, 'downloads'),
  })
  await vi.waitFor(() => expect(electron.standIn.windows()[0]?.isVisible()).toBe(true), {
    timeout: 15_000,
  })
  dss = dssOf(electron)
}, 120_000)

afterAll(async () => {
  electron?.app.quit()
  await electron?.app.exited
  await built?.remove()
  await rm(work, { recursive: true, force: true })
})

describe('window.dss.chooseFolder', () => {
  it('opens the OS folder dialog on the window and answers the chosen folder', async () => {
    const { openDialogs } = electron.standIn
    openDialogs.answer = { canceled: false, filePaths: ['/home/ann/photos'] }
    expect(await dss.chooseFolder?.({ title: 'Local folder', defaultPath: '/home/ann' })).toBe(
      '/home/ann/photos',
    )
    expect(openDialogs.asked).toEqual([
      {
        parent: mainWindowOf(electron),
        options: {
          title: 'Local folder',
          defaultPath: '/home/ann',
          properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
        },
      },
    ])
  })

  it('answers null when the dialog is cancelled, and opens none for a malformed request', async () => {
    const { openDialogs } = electron.standIn
    openDialogs.asked.length = 0
    openDialogs.answer = { canceled: true, filePaths: [] }
    expect(await dss.chooseFolder?.({ title: 'Save to', defaultPath: null })).toBeNull()
    expect(openDialogs.asked).toHaveLength(1)
    const forged = { title: 'Save to', defaultPath: null, properties: ['openFile'] }
    expect(await dss.chooseFolder?.(forged)).toBeNull()
    expect(openDialogs.asked).toHaveLength(1)
  })
})
