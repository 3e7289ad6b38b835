// `npm test`: every check in order — types, lint, format, unit and integration tests (Vitest),
// the build, the end-to-end tests in Chromium (Playwright) and the packaging check — then one
// closing count line.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const reports = 'test-results/reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const run = (label, command, args, env = {}) => {
  console.log(`\n▶ ${label}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`${result.status === 0 ? '✔' : '✘'} ${label} (${seconds} s)`)
  return result.status === 0
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const steps = [
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['format', 'npm', ['run', '--silent', 'format:check']],
  [
    'unit and integration tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/vitest.json`,
    ],
  ],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
  [
    'packaging check (electron-builder, stand-in Electron)',
    'npm',
    ['run', '--silent', 'dist:check'],
  ],
]

let failedSteps = 0
for (const [label, command, args, env] of steps) {
  if (!run(label, command, args, env)) failedSteps += 1
}

const vitest = readJson(`${reports}/vitest.json`)
const playwright = readJson(`${reports}/playwright.json`)
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0)
const failed =
  (vitest?.numFailedTests ?? 0) +
  (playwright?.stats?.unexpected ?? 0) +
  (playwright?.stats?.flaky ?? 0)
const skipped =
  (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0)

console.log(
  `\nvitest: ${vitest ? `${vitest.numPassedTests}/${vitest.numTotalTests} passed` : 'no report'}; playwright: ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed` : 'no report'}; failed steps: ${failedSteps}`,
)
console.log(
  `${passed} passed, ${failed + failedSteps} failed${skipped ? `, ${skipped} skipped` : ''}`,
)
process.exit(failed + failedSteps === 0 && passed > 0 ? 0 : 1)
