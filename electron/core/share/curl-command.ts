/** The ready-to-paste curl command shown with an upload link. */

/** One POSIX shell word: single-quoted, an embedded `'` written as `'\''`. */
export const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`

/**
 * A PUT of the file `FILE` (the user replaces it) with the exact Content-Type the link was signed
 * with; any other type would break the signature.
 */
export const uploadCurlCommand = (url: string, contentType: string): string =>
  `curl -X PUT -H ${shellQuote(`Content-Type: ${contentType}`)} --upload-file FILE ${shellQuote(url)}`
