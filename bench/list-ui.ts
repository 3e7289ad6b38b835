export const measureTable = async (..._args: unknown[]) => ({
  heapMiB: NaN,
  frameP95Ms: NaN,
  maxDomRows: NaN,
})
