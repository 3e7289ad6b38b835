// Bundles the main-process side with esbuild (main-bundles.mjs). The renderer is built by Vite
// (vite.config.ts).
import { build } from 'esbuild'
import { mainBundles } from './main-bundles.mjs'

await Promise.all(mainBundles.map((options) => build(options)))
