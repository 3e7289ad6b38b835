/**
 * `npm run bench -- <suite>`: benchmarks print JSON lines {"suite","metric","value","unit","tool"}
 * with the peers' figures (awscli, rclone) from the same run. Progress notes and a table of each
 * suite's figures go to stderr.
 */
import { listSuite } from './list'
import { MissingPeerError, removePeerHomes } from './lib/peers'
import { scaleSuite } from './scale'
import { startupSuite } from './startup'
import { syncSuite } from './sync'
import { transfersSuite } from './transfers'

// The SDK's notice about its own future Node support says nothing about the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const suites: Record<string, () => Promise<void>> = {
  list: listSuite,
  transfers: transfersSuite,
  startup: startupSuite,
  scale: scaleSuite,
  sync: syncSuite,
}

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const names = requested.length > 0 ? requested : Object.keys(suites)
for (const name of names) {
  const suite = suites[name]
  if (!suite) {
    console.error(`Unknown suite "${name}". Known: ${Object.keys(suites).join(', ')}.`)
    process.exit(2)
  }
  try {
    await suite()
  } catch (error) {
    // A missing tool is a sentence for the user, not a stack trace.
    if (!(error instanceof MissingPeerError)) throw error
    console.error(error.message)
    process.exit(2)
  } finally {
    await removePeerHomes()
  }
}
process.exit(0)
