// `npm run dev`: rebuilds the renderer and the main-process bundles on change, and runs the app
// as `npm start` does — Electron on the app folder where its runtime is present, else the web
// shell on port 5190 (PORT to change it). The launcher restarts when its bundles change; reload
// the window to see a renderer change.
import { spawn } from 'node:child_process'
import { context } from 'esbuild'
import { mainBundles } from './main-bundles.mjs'

const children = []
const start = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit' })
  children.push(child)
  return child
}
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

start('npx', ['vite', 'build', '--watch', '--logLevel', 'warn'])
for (const options of mainBundles) {
  const builder = await context(options)
  await builder.rebuild()
  await builder.watch()
}
start('node', [
  '--enable-source-maps',
  '--watch-path=dist/launch.js',
  '--watch-path=dist/electron/main.js',
  '--watch-path=dist/electron/preload.cjs',
  'dist/launch.js',
  '--port',
  process.env.PORT ?? '5190',
])
