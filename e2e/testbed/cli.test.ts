/** The standalone test bed process, as benchmarks and the Playwright runner start it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import { access, readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { ListBucketsCommand } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { createS3TestClient } from './s3-test-client.js'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

const startCli = (args: readonly string[]): ChildProcessWithoutNullStreams =>
  spawn(process.execPath, ['--import', 'tsx', 'e2e/testbed/cli.ts', ...args], { cwd: repoRoot })

type Ready = {
  endpoint: string
  httpEndpoint: string
  caFile: string
  accessKeyId: string
  secretAccessKey: string
}

/** The first stdout line; if the process exits first, fails with what it printed on stderr. */
const firstLine = async (child: ChildProcessWithoutNullStreams): Promise<string> => {
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const lines = createInterface({ input: child.stdout })
  try {
    return await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      child.once('exit', (code) => reject(new Error(`test bed exited with ${code}:\n${stderr}`)))
    })
  } finally {
    lines.close()
  }
}

const exitCodeOf = async (child: ChildProcessWithoutNullStreams): Promise<number | null> => {
  if (child.exitCode !== null) return child.exitCode
  const [code] = (await once(child, 'exit')) as [number | null]
  return code
}

describe('test bed CLI', () => {
  it('prints one JSON line when ready, applies its flags, and stops cleanly on SIGTERM', async () => {
    const child = startCli([
      '--bucket',
      'cli-a',
      '--bucket',
      'cli-b',
      '--rate',
      '0.1',
      '--burst',
      '2',
    ])
    try {
      const ready = JSON.parse(await firstLine(child)) as Ready
      expect(Object.keys(ready).sort()).toEqual([
        'accessKeyId',
        'caFile',
        'endpoint',
        'httpEndpoint',
        'secretAccessKey',
      ])
      const s3 = createS3TestClient(
        { ...ready, caPem: await readFile(ready.caFile, 'utf8') },
        { maxAttempts: 1 },
      )
      try {
        const { Buckets } = await s3.send(new ListBucketsCommand({}))
        expect(Buckets?.map((bucket) => bucket.Name)).toEqual(['cli-a', 'cli-b'])
        await s3.send(new ListBucketsCommand({}))
        await expect(s3.send(new ListBucketsCommand({}))).rejects.toMatchObject({
          name: 'SlowDown',
        })
      } finally {
        s3.destroy()
      }
      // A clean stop: exit code 0 (a hung stop fails the test at its timeout, not on a clock).
      child.kill('SIGTERM')
      expect(await exitCodeOf(child)).toBe(0)
      await expect(access(ready.caFile)).rejects.toThrow(/ENOENT/)
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('refuses a bad flag with the usage and exit code 2', async () => {
    const child = startCli(['--rate', 'fast'])
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await exitCodeOf(child)).toBe(2)
    expect(stderr).toMatch(/--rate needs a number/)
    expect(stderr).toMatch(/usage: node --import tsx e2e\/testbed\/cli\.ts/)
  })
})
