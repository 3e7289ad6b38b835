/**
 * The folder electron-builder's APPIMAGE_TOOLS_PATH names, in place of the toolset it downloads:
 * Debian's mksquashfs and desktop-file-validate, and a stand-in for the AppImage runtime (the
 * small program an AppImage starts with; not packaged by Debian). The payload that follows the
 * runtime, a squashfs image of the app, is the real thing and is what gets checked.
 */
import { access, mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const STAND_IN_RUNTIME = '#!/bin/sh\necho "stand-in AppImage runtime"\nexit 1\n'

/** Debian's copy of a tool, or a plain message naming the package that brings it. */
const debianTool = async (program: string, debianPackage: string): Promise<string> => {
  for (const folder of ['/usr/bin', '/usr/sbin', '/bin']) {
    const candidate = path.join(folder, program)
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate
  }
  throw new Error(`${program} is missing: apt-get install ${debianPackage}`)
}

export const layOutAppImageTools = async (dir: string): Promise<string> => {
  const host = path.join(dir, 'linux-x64')
  await mkdir(host, { recursive: true })
  await mkdir(path.join(dir, 'lib', 'x64'), { recursive: true })
  await symlink(await debianTool('mksquashfs', 'squashfs-tools'), path.join(host, 'mksquashfs'))
  await symlink(
    await debianTool('desktop-file-validate', 'desktop-file-utils'),
    path.join(host, 'desktop-file-validate'),
  )
  // A fixed-size runtime, so the payload's offset is known to the checks.
  await writeFile(path.join(dir, 'runtime-x64'), STAND_IN_RUNTIME)
  return dir
}
