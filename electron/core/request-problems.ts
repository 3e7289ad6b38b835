/**
 * Plain sentences for requests the contract's schemas refuse. A field's own message ("Enter the
 * access key.") stands alone; zod's built-in ones become a sentence about the value, never a
 * schema path.
 */
import type { z } from 'zod'

/** Words for the fields a person may have typed or picked; others are spelled out from their name. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  key: 'object name',
  keys: 'object name',
  name: 'name',
  prefix: 'folder name',
  bucket: 'bucket name',
  endpoint: 'endpoint address',
  accessKeyId: 'access key',
  secretAccessKey: 'secret key',
  caFile: 'CA file',
}

const fieldOf = (path: readonly PropertyKey[]): string => {
  const name = [...path].reverse().find((part): part is string => typeof part === 'string')
  if (name === undefined) return 'request'
  return FIELD_WORDS[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

const countOf = (value: number | bigint): string => Number(value).toLocaleString('en-US')

const NOT_UNDERSTOOD =
  'DSS Explorer sent itself a request it could not read. Try again; if it happens again, restart the app.'

/** The error map the dispatcher parses with: fields' own messages still win over it. */
export const plainIssueMessage: z.core.$ZodErrorMap = (issue) => {
  const field = fieldOf(issue.path ?? [])
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return `The ${field} is too long: at most ${countOf(issue.maximum)} characters.`
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return `Too many at once: at most ${countOf(issue.maximum)}.`
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return `The ${field} is empty.`
  }
  if (issue.code === 'invalid_format' || issue.code === 'invalid_value') {
    return `The ${field} is not valid.`
  }
  return NOT_UNDERSTOOD
}

/** One message for a refused request: its distinct sentences, at most three. */
export const describeProblems = (issues: readonly { readonly message: string }[]): string =>
  [...new Set(issues.map((issue) => issue.message))].slice(0, 3).join(' ') || NOT_UNDERSTOOD
