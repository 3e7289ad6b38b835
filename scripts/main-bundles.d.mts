// Types of main-bundles.mjs, for the TypeScript that imports it (the benchmarks' client runner).
import type { BuildOptions } from 'esbuild'

export declare const nodeBundle: BuildOptions
export declare const mainBundles: BuildOptions[]
