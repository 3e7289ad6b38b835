/**
 * Timing one tool's work through the test bed, and reporting one metric for every tool with its
 * ratios to the references (the 100 RPS floor, the server's ceiling, the fastest peer).
 */
import { spawnSync } from 'node:child_process'
import type { TestBed } from '../../e2e/testbed/test-bed'
import { fixed, report, reportRatio, type Reference } from './report'

/** One tool's timed work, with the 503s and requests the emulator saw (none past it). */
export type Timed = {
  readonly tool: string
  readonly ms: number
  readonly slowDowns: number
  readonly requests: number
}

/**
 * Every measured run starts with the disk settled: `sync` flushes what earlier runs wrote (a
 * 1 GiB upload leaves a gigabyte of dirty pages), so no tool pays for another's writes.
 */
export const settled =
  <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> => {
    spawnSync('sync')
    return run(...args)
  }

/** Runs `work` (which returns its time) with a fresh emulator log, and counts what it sent. */
export const timed = async (
  bed: TestBed,
  tool: string,
  work: () => Promise<number>,
): Promise<Timed> => {
  bed.emulator.clearLog()
  const ms = await work()
  const log = bed.emulator.log()
  const slowDowns = log.filter((entry) => entry.status === 503).length
  return { tool, ms, slowDowns, requests: log.length }
}

export type Comparison = {
  readonly suite: string
  readonly metric: string
  readonly unit: string
  /** The figure for a time: files/s, MiB/s. */
  readonly value: (ms: number) => number
  readonly peers: readonly string[]
  /** The tool that went straight to the server, past the emulator. */
  readonly ceiling: string
  readonly floor?: Reference
}

/** Reports every run, and returns its table row: metric, tool, rate, s, 503s, requests, ratios. */
export const reportCompared = (c: Comparison, runs: readonly Timed[]): string[][] => {
  const peers = runs.filter(({ tool }) => c.peers.includes(tool))
  const fastest = peers.reduce((best, run) => (run.ms < best.ms ? run : best))
  const ceiling = runs.find(({ tool }) => tool === c.ceiling)
  const references: Reference[] = [
    ...(c.floor ? [c.floor] : []),
    ...(ceiling ? [{ name: `ceiling (${c.ceiling})`, ms: ceiling.ms }] : []),
    { name: `fastest peer (${fastest.tool})`, ms: fastest.ms },
  ]
  return runs.map(({ tool, ms, slowDowns, requests }) => {
    const past = tool === c.ceiling
    const { suite, metric } = c
    report({ suite, metric, value: c.value(ms), unit: c.unit, tool })
    report({ suite, metric: `${metric} time`, value: ms / 1000, unit: 's', tool })
    if (!past) {
      report({ suite, metric: `${metric}: 503 responses`, value: slowDowns, unit: 'count', tool })
      report({ suite, metric: `${metric}: requests`, value: requests, unit: 'count', tool })
    }
    const ratios = references.map((reference) =>
      reportRatio(suite, `${metric} time`, tool, ms, reference),
    )
    return [
      metric,
      tool,
      `${fixed(c.value(ms), 1)} ${c.unit}`,
      fixed(ms / 1000),
      past ? '–' : String(slowDowns),
      past ? '–' : String(requests),
      ...(c.floor ? [] : ['–']),
      ...ratios.map((ratio) => fixed(ratio)),
    ]
  })
}

/** A timed run with the CPU time its tool spent (user + system). */
export type Measured = Timed & { readonly cpuMs: number }

export const measured = async (
  bed: TestBed,
  tool: string,
  work: () => Promise<{ readonly ms: number; readonly cpuMs: number }>,
): Promise<Measured> => {
  let cpuMs = Number.NaN
  const run = await timed(bed, tool, async () => {
    const done = await work()
    cpuMs = done.cpuMs
    return done.ms
  })
  return { ...run, cpuMs }
}

/** A tool's median run (by time), the fastest and slowest of its runs, and its median CPU time. */
export type Median = Measured & {
  readonly fastestMs: number
  readonly slowestMs: number
  readonly runs: number
}

const middle = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const half = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[half] ?? Number.NaN)
    : ((sorted[half - 1] ?? Number.NaN) + (sorted[half] ?? Number.NaN)) / 2
}

/** Each tool's runs as one median, in the order the tools first ran. */
export const medians = (runs: readonly Measured[]): Median[] => {
  const tools = [...new Set(runs.map(({ tool }) => tool))]
  return tools.map((tool) => {
    const own = runs.filter((run) => run.tool === tool)
    const times = own.map(({ ms }) => ms)
    const ms = middle(times)
    // The run nearest the median time gives the requests and 503s shown beside it.
    const typical = own.reduce((best, run) =>
      Math.abs(run.ms - ms) < Math.abs(best.ms - ms) ? run : best,
    )
    return {
      ...typical,
      ms,
      cpuMs: middle(own.map(({ cpuMs }) => cpuMs)),
      fastestMs: Math.min(...times),
      slowestMs: Math.max(...times),
      runs: own.length,
    }
  })
}
