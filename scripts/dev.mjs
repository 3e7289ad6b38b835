// `npm run dev`: rebuilds the renderer on change (reload the page to see it) and restarts the
// web shell when the main-process bundle changes. Electron, where present: `npm start`.
import { spawn } from 'node:child_process'
import { context } from 'esbuild'

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
const builder = await context({
  entryPoints: { launch: 'electron/launch.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
})
await builder.rebuild()
await builder.watch()
start('node', [
  '--enable-source-maps',
  '--watch-path=dist/launch.js',
  'dist/launch.js',
  '--web',
  '--port',
  process.env.PORT ?? '5190',
])
