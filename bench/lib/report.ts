/** Benchmark output: one JSON line per figure, as the issues ask. */
export type Figure = {
  readonly suite: string
  readonly metric: string
  readonly value: number
  readonly unit: string
  readonly tool: string
}

export const report = (figure: Figure): void => {
  console.log(JSON.stringify({ ...figure, value: Math.round(figure.value * 1000) / 1000 }))
}

/** Figures of the same metric as ratios to ours (>1: the peer took longer / did less per s). */
export const reportRatio = (
  suite: string,
  metric: string,
  ours: number,
  peer: number,
  tool: string,
): void =>
  report({
    suite,
    metric: `${metric} ratio (${tool} / dss-explorer)`,
    value: peer / ours,
    unit: 'x',
    tool,
  })
