/**
 * `npm run bench -- <suite>`: benchmarks print JSON lines {"suite","metric","value","unit","tool"}
 * with the peers' figures (awscli, rclone) from the same run. Progress notes go to stderr.
 */
import { listSuite } from './list'
import { transfersSuite } from './transfers'

const suites: Record<string, () => Promise<void>> = { list: listSuite, transfers: transfersSuite }

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const names = requested.length > 0 ? requested : Object.keys(suites)
for (const name of names) {
  const suite = suites[name]
  if (!suite) {
    console.error(`Unknown suite "${name}". Known: ${Object.keys(suites).join(', ')}.`)
    process.exit(2)
  }
  await suite()
}
process.exit(0)
