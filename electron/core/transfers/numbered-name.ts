/** "name (1).ext": the name a copy gets when the original is taken (keep both, local clashes). */

/** Extensions kept whole when a number goes in: "backup (1).tar.gz", not "backup.tar (1).gz". */
const DOUBLE_EXTENSIONS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tar.zst']

const splitExtension = (name: string): [string, string] => {
  const lower = name.toLowerCase()
  const double = DOUBLE_EXTENSIONS.find(
    (extension) => lower.endsWith(extension) && lower.length > extension.length,
  )
  if (double) return [name.slice(0, -double.length), name.slice(-double.length)]
  const dot = name.lastIndexOf('.')
  // A leading dot is a hidden file's name, not an extension (".bashrc (1)").
  return dot <= 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)]
}

/** The last segment of a '/'-separated key or path with " (n)" before its extension. */
export const numberedName = (name: string, n: number): string => {
  const slash = name.lastIndexOf('/')
  const [stem, extension] = splitExtension(name.slice(slash + 1))
  return `${name.slice(0, slash + 1)}${stem} (${n})${extension}`
}

/** The first of name, "name (1)", "name (2)"… that `taken` does not refuse. */
export const firstFreeName = async (
  name: string,
  taken: (candidate: string) => boolean | Promise<boolean>,
): Promise<string> => {
  if (!(await taken(name))) return name
  for (let n = 1; ; n += 1) {
    const candidate = numberedName(name, n)
    if (!(await taken(candidate))) return candidate
  }
}
