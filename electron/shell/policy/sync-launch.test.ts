import { describe, expect, it } from 'vitest'
import { launchModeOf } from './sync-launch'

describe('the desktop app launched with --sync', () => {
  it('opens the window without --sync', () => {
    expect(launchModeOf(['/opt/DSS Explorer/dss-explorer'])).toEqual({ kind: 'window' })
    expect(launchModeOf(['electron', '/app', '--no-sandbox'])).toEqual({ kind: 'window' })
  })

  it('runs the pair named after --sync, packaged or in development', () => {
    expect(launchModeOf(['/opt/DSS Explorer/dss-explorer', '--sync', 'Photos'])).toEqual({
      kind: 'sync',
      args: { kind: 'run', pair: 'Photos', confirmDeletes: false },
    })
    expect(launchModeOf(['electron', '/app', '--sync', 'Photos', '--yes'])).toEqual({
      kind: 'sync',
      args: { kind: 'run', pair: 'Photos', confirmDeletes: true },
    })
  })

  it('is a usage error with no pair', () => {
    expect(launchModeOf(['dss-explorer', '--sync'])).toEqual({
      kind: 'sync',
      args: { kind: 'usage', message: 'Name the sync pair to run.' },
    })
  })
})
