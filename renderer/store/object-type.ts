/** A file's type for people, from its extension: 'PNG image', 'Text', or 'XYZ file'. */

const known: Readonly<Record<string, string>> = {
  png: 'PNG image',
  jpg: 'JPEG image',
  jpeg: 'JPEG image',
  gif: 'GIF image',
  webp: 'WebP image',
  svg: 'SVG image',
  txt: 'Text',
  md: 'Markdown',
  csv: 'CSV',
  json: 'JSON',
  html: 'HTML',
  pdf: 'PDF document',
  zip: 'ZIP archive',
  gz: 'Gzip archive',
  tar: 'Tar archive',
  mp4: 'MP4 video',
  mov: 'QuickTime video',
  mp3: 'MP3 audio',
  log: 'Log',
}

export const typeOf = (key: string): string => {
  const name = key.slice(key.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  // A leading dot ('.env') or a trailing one is not an extension.
  if (dot <= 0 || dot === name.length - 1) return 'File'
  const extension = name.slice(dot + 1)
  if (extension.length > 8 || /\s/.test(extension)) return 'File'
  return known[extension.toLowerCase()] ?? `${extension.toUpperCase()} file`
}
