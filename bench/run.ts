export {}

/**
 * `npm run bench -- <suite>`: benchmarks print JSON lines {"suite","metric","value","unit","tool"}
 * with the peers' figures from the same run. Suites are registered here as they are built.
 */
const suites: Record<string, () => Promise<void>> = {}

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const names = requested.length > 0 ? requested : Object.keys(suites)
if (names.length === 0) {
  console.error('No benchmark suites exist yet (list and transfers come with issues 3 and 4).')
  process.exit(1)
}
for (const name of names) {
  const suite = suites[name]
  if (!suite) {
    console.error(`Unknown suite "${name}". Known: ${Object.keys(suites).join(', ') || 'none'}.`)
    process.exit(2)
  }
  await suite()
}
