// Minimal types for the parts of @20minutes/s3rver (CommonJS, untyped) that the sandbox uses.
declare module '@20minutes/s3rver' {
  import type { RequestListener } from 'node:http'

  type S3rverOptions = {
    address?: string
    port?: number
    silent?: boolean
    directory: string
    resetOnClose?: boolean
    allowMismatchedSignatures?: boolean
    key?: string | Buffer
    cert?: string | Buffer
  }

  export default class S3rver {
    constructor(options: S3rverOptions)
    /** Koa's request handler, for a server of one's own. */
    callback(): RequestListener
  }
}

declare module '@20minutes/s3rver/lib/models/account.js' {
  export const DUMMY_ACCOUNT: {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void
    revokeAccessKey(accessKeyId: string): void
  }
}
