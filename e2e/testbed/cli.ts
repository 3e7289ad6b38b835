/**
 * Runs the test bed as its own process for benchmarks and the Playwright runner: prints one JSON
 * line with the endpoint and credentials once ready, and stops cleanly on SIGTERM or SIGINT.
 */
import { CLI_USAGE, parseCliOptions } from './cli-options.js'
import { startTestBed, type TestBed, type TestBedOptions } from './test-bed.js'

const start = async (): Promise<TestBed> => {
  let options: TestBedOptions
  try {
    options = parseCliOptions(process.argv.slice(2))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${CLI_USAGE}`)
    process.exit(2)
  }
  return startTestBed(options)
}

try {
  const bed = await start()
  const { endpoint, httpEndpoint, caFile, accessKeyId, secretAccessKey } = bed
  console.log(JSON.stringify({ endpoint, httpEndpoint, caFile, accessKeyId, secretAccessKey }))
  let stopping = false
  const stop = (): void => {
    // A second signal while stopping means "now": do not wait for the clean stop.
    if (stopping) process.exit(1)
    stopping = true
    bed.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('test bed did not stop cleanly:', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
} catch (error) {
  console.error('test bed failed to start:', error)
  process.exit(1)
}
