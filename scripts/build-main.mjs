// Bundles the main-process side with esbuild: the Electron main and preload, and the launcher that
// hosts the web shell. The renderer is built by Vite (vite.config.ts).
import { readFile } from 'node:fs/promises'
import { build } from 'esbuild'

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})]
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
}

await Promise.all([
  build({
    ...common,
    format: 'esm',
    external,
    entryPoints: { launch: 'electron/launch.ts', 'electron/main': 'electron/shell/main.ts' },
    outdir: 'dist',
    // Bundled ESM still meets CommonJS dependencies that call require().
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  }),
  // Sandboxed preloads cannot load modules: one self-contained CommonJS file.
  build({
    ...common,
    format: 'cjs',
    external: ['electron'],
    entryPoints: { 'electron/preload': 'electron/shell/preload.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
])
