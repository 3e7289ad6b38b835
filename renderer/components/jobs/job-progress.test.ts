import { describe, expect, it } from 'vitest'
import { jobBar } from './job-progress'

describe('a job progress bar', () => {
  it('is full when the job is done, whatever its counts say', () => {
    expect(jobBar({ state: 'done', done: 1, total: 1 })).toEqual({ kind: 'filled', percent: 100 })
    expect(jobBar({ state: 'done', done: 0, total: 1 })).toEqual({ kind: 'filled', percent: 100 })
    expect(jobBar({ state: 'done', done: 0, total: null })).toEqual({
      kind: 'filled',
      percent: 100,
    })
  })

  it('sweeps while the job counts, then follows done of total', () => {
    expect(jobBar({ state: 'queued', done: 0, total: null })).toEqual({ kind: 'counting' })
    expect(jobBar({ state: 'running', done: 0, total: 0 })).toEqual({ kind: 'counting' })
    expect(jobBar({ state: 'running', done: 25, total: 100 })).toEqual({
      kind: 'filled',
      percent: 25,
    })
    expect(jobBar({ state: 'running', done: 120, total: 100 })).toEqual({
      kind: 'filled',
      percent: 100,
    })
  })

  it('stops where a failed or cancelled job stopped, and never sweeps after it ended', () => {
    expect(jobBar({ state: 'failed', done: 3, total: 4 })).toEqual({ kind: 'filled', percent: 75 })
    expect(jobBar({ state: 'cancelled', done: 1, total: 4 })).toEqual({
      kind: 'filled',
      percent: 25,
    })
    expect(jobBar({ state: 'failed', done: 0, total: null })).toEqual({
      kind: 'filled',
      percent: 0,
    })
  })
})
