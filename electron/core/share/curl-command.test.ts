/** The curl command of an upload link must paste into a POSIX shell unchanged. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { shellQuote, uploadCurlCommand } from './curl-command'

const run = promisify(execFile)

/** What /bin/sh makes of a quoted word: printed back one argument per line. */
const throughShell = async (words: string): Promise<string[]> =>
  (await run('/bin/sh', ['-c', `printf '%s\\n' ${words}`])).stdout.split('\n').slice(0, -1)

describe('upload curl command', () => {
  it('quotes the content type and URL for the shell', () => {
    expect(
      uploadCurlCommand(
        'https://h/b/k?X-Amz-Signature=ab&x-id=PutObject',
        'text/csv; charset=utf-8',
      ),
    ).toBe(
      "curl -X PUT -H 'Content-Type: text/csv; charset=utf-8' --upload-file FILE " +
        "'https://h/b/k?X-Amz-Signature=ab&x-id=PutObject'",
    )
  })

  it("writes an embedded ' as '\\'' and the shell gives back the exact text", async () => {
    const nasty = `it's $HOME \`id\` "q" & ; | * ? \\ ''`
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
    expect(await throughShell(`${shellQuote(nasty)} ${shellQuote('a b')}`)).toEqual([nasty, 'a b'])
  })
})
