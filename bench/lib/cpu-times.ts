/**
 * The CPU time a benchmarked program spends (user + system, its children included), for every
 * tool the same way: it runs under bash, which prints its children's times (`times`) after it
 * exits, behind a marker line on stderr that is taken out again here.
 */
const MARK = '@@dss-bench-cpu-times'

/** `command args…` as a bash command line that reports its CPU time when it ends. */
export const underTimes = (
  command: string,
  args: readonly string[],
): [string, readonly string[]] => [
  'bash',
  [
    '-c',
    `"$@"; status=$?; printf '\\n${MARK}\\n' >&2; times >&2; exit $status`,
    'bench',
    command,
    ...args,
  ],
]

const seconds = (text: string): number =>
  [...text.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, [, minutes, rest]) => sum + Number(minutes) * 60 + Number(rest),
    0,
  )

/** The program's own stderr, and its CPU milliseconds (NaN when bash printed none). */
export const takeCpuTimes = (
  stderr: string,
): { readonly stderr: string; readonly cpuMs: number } => {
  const at = stderr.lastIndexOf(`\n${MARK}\n`)
  if (at === -1) return { stderr, cpuMs: Number.NaN }
  // `times` prints the shell's own times, then its children's: the second line.
  const children =
    stderr
      .slice(at + MARK.length + 2)
      .trim()
      .split('\n')[1] ?? ''
  return { stderr: stderr.slice(0, at), cpuMs: seconds(children) * 1000 }
}
