/**
 * Quick look, fetched by the main process (the renderer's CSP has no network access): images
 * up to a size as data URLs, and the first part of text files.
 */
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import type { Preview } from '../../../shared/objects'
import { formatBytes } from '../../../shared/sizes'
import type { Connection } from '../accounts'

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024
export const TEXT_PREVIEW_BYTES = 64 * 1024

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  avif: 'image/avif',
}
const TEXT_EXTENSIONS = new Set(
  'txt md markdown csv tsv json jsonl ndjson log xml yml yaml toml ini cfg conf html htm css js mjs ts tsx jsx py rb go rs java c h cpp hpp cs sh bat ps1 sql svg tex'.split(
    ' ',
  ),
)

const extension = (key: string): string => {
  const name = key.slice(key.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** What kind of preview a key gets, judged by the stored type, else the extension. */
const previewKind = (key: string, contentType: string | undefined): 'image' | 'text' | null => {
  const type = (contentType ?? '').toLowerCase()
  // SVG can carry script: shown as text, never as an image of ours.
  if (type.startsWith('image/') && !type.includes('svg')) return 'image'
  if (type.startsWith('text/') || /json|xml|yaml|javascript/.test(type)) return 'text'
  if (IMAGE_TYPES[extension(key)]) return 'image'
  if (TEXT_EXTENSIONS.has(extension(key))) return 'text'
  return null
}

/** Text that is not valid UTF-8, or has NUL bytes, is binary: no preview. */
const decodeText = (bytes: Uint8Array): string | null => {
  if (bytes.includes(0)) return null
  // A multi-byte character may be cut at the end of the range: drop up to 3 trailing bytes.
  for (let cut = 0; cut < 4 && cut < bytes.length; cut += 1) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut))
    } catch {
      // try a shorter tail
    }
  }
  return null
}

export const previewObject = async (
  connection: Connection,
  bucket: string,
  key: string,
  signal?: AbortSignal,
): Promise<Preview> => {
  const head = await connection.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
    abortSignal: signal,
  })
  const size = head.ContentLength ?? 0
  const kind = previewKind(key, head.ContentType)
  if (kind === null) return { kind: 'none', reason: 'No preview for this type of file.' }
  if (kind === 'image' && size > MAX_IMAGE_BYTES) {
    return {
      kind: 'none',
      reason: `This image is too large to preview (over ${formatBytes(MAX_IMAGE_BYTES)}).`,
    }
  }
  if (size === 0) return { kind: 'text', text: '', truncated: false }
  const range = kind === 'text' ? `bytes=0-${Math.min(size, TEXT_PREVIEW_BYTES) - 1}` : undefined
  const answer = await connection.client.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, Range: range, IfMatch: head.ETag }),
    { abortSignal: signal },
  )
  const bytes = (await answer.Body?.transformToByteArray()) ?? new Uint8Array()
  if (kind === 'image') {
    const type = IMAGE_TYPES[extension(key)] ?? head.ContentType ?? 'image/png'
    return {
      kind: 'image',
      contentType: type,
      dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}`,
    }
  }
  const text = decodeText(bytes)
  return text === null
    ? { kind: 'none', reason: 'This file is not plain UTF-8 text.' }
    : { kind: 'text', text, truncated: size > bytes.length }
}
