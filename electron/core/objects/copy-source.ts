/** The x-amz-copy-source value: bucket/key, percent-encoded except for the slashes. */
export const copySource = (bucket: string, key: string): string =>
  `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
