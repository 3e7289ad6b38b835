// The main-process bundles, for `npm run build` (build-main.mjs) and `npm run dev` (dev.mjs)
// alike: the Electron main and preload, and the launcher that hosts the web shell.
import { readFile } from 'node:fs/promises'

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

/** Main-process code as one ESM file, dependencies left to node_modules (benchmarks use it too). */
export const nodeBundle = {
  ...common,
  format: 'esm',
  external,
  // Bundled ESM still meets CommonJS dependencies that call require().
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
}

export const mainBundles = [
  {
    ...nodeBundle,
    entryPoints: { launch: 'electron/launch.ts', 'electron/main': 'electron/shell/main.ts' },
    outdir: 'dist',
  },
  // Sandboxed preloads cannot load modules: one self-contained CommonJS file.
  {
    ...common,
    format: 'cjs',
    external: ['electron'],
    entryPoints: { 'electron/preload': 'electron/shell/preload.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  },
]
