/**
 * The part of fpm's command line that electron-builder writes for a deb (`-s dir -t deb`, the
 * package's fields, `source=destination` mappings), read into what the stand-in fpm needs.
 */
export type FpmRequest = {
  readonly fields: Readonly<Record<string, string>>
  readonly depends: readonly string[]
  readonly recommends: readonly string[]
  readonly afterInstall: string | null
  readonly afterRemove: string | null
  readonly output: string
  readonly mappings: readonly { readonly source: string; readonly destination: string }[]
}

/** Options that take a value and become control fields. */
const FIELD_OPTIONS: Readonly<Record<string, string>> = {
  '--name': 'Package',
  '--version': 'Version',
  '--architecture': 'Architecture',
  '--maintainer': 'Maintainer',
  '--description': 'Description',
  '--url': 'Homepage',
  '--vendor': 'Vendor',
  '--license': 'License',
  '--deb-priority': 'Priority',
}

/** Options that take a value the stand-in does not need. */
const IGNORED_WITH_VALUE = new Set(['-s', '-t', '--deb-compression', '--category'])
const IGNORED_FLAGS = new Set(['--force', '--debug'])

export const parseFpmArgs = (args: readonly string[]): FpmRequest => {
  const fields: Record<string, string> = {}
  const depends: string[] = []
  const recommends: string[] = []
  const mappings: { source: string; destination: string }[] = []
  let afterInstall: string | null = null
  let afterRemove: string | null = null
  let output = ''
  let source = ''
  let target = ''
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? ''
    const value = (): string => {
      index += 1
      const next = args[index]
      if (next === undefined) throw new Error(`fpm: ${arg} needs a value`)
      return next
    }
    if (arg === '-s') source = value()
    else if (arg === '-t') target = value()
    else if (arg === '-d' || arg === '--depends') depends.push(value())
    else if (arg === '--deb-recommends') recommends.push(value())
    else if (arg === '--after-install') afterInstall = value()
    else if (arg === '--after-remove') afterRemove = value()
    else if (arg === '--package' || arg === '-p') output = value()
    else if (FIELD_OPTIONS[arg]) fields[FIELD_OPTIONS[arg]] = value()
    else if (IGNORED_WITH_VALUE.has(arg)) value()
    else if (IGNORED_FLAGS.has(arg)) continue
    else if (arg.startsWith('-')) throw new Error(`fpm stand-in: unknown option ${arg}`)
    else {
      const at = arg.lastIndexOf('=')
      if (at <= 0) throw new Error(`fpm stand-in: expected source=destination, got ${arg}`)
      mappings.push({ source: arg.slice(0, at), destination: arg.slice(at + 1) })
    }
  }
  if (source !== 'dir' || target !== 'deb') {
    throw new Error(`fpm stand-in: only -s dir -t deb is supported, got -s ${source} -t ${target}`)
  }
  if (!output) throw new Error('fpm stand-in: no --package given')
  return { fields, depends, recommends, afterInstall, afterRemove, output, mappings }
}

/** The DEBIAN/control file: fields in dpkg's usual order, the description's extra lines indented. */
export const controlFile = (request: FpmRequest, installedSizeKiB: number): string => {
  const { fields } = request
  const [summary = '', ...rest] = (fields.Description ?? '').split('\n')
  const lines = [
    `Package: ${fields.Package ?? ''}`,
    `Version: ${fields.Version ?? ''}`,
    `Architecture: ${fields.Architecture ?? ''}`,
    `Maintainer: ${fields.Maintainer ?? ''}`,
    `Installed-Size: ${installedSizeKiB}`,
    ...(request.depends.length > 0 ? [`Depends: ${request.depends.join(', ')}`] : []),
    ...(request.recommends.length > 0 ? [`Recommends: ${request.recommends.join(', ')}`] : []),
    `Section: default`,
    `Priority: ${fields.Priority ?? 'optional'}`,
    ...(fields.Homepage ? [`Homepage: ${fields.Homepage}`] : []),
    `Description: ${summary}`,
    ...rest.map((line) => ` ${line.trim() === '' ? '.' : line.trim()}`),
  ]
  return `${lines.join('\n')}\n`
}
