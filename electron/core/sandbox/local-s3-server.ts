/** Runs the local S3 server (s3rver, patched: see patches/) on loopback for the sandbox. */
import S3rver from '@20minutes/s3rver'
import { DUMMY_ACCOUNT } from '@20minutes/s3rver/lib/models/account.js'

export type LocalS3Server = {
  readonly endpoint: string
  stop(): Promise<void>
}

export const startLocalS3Server = async (options: {
  directory: string
  accessKeyId: string
  secretAccessKey: string
  port?: number
}): Promise<LocalS3Server> => {
  DUMMY_ACCOUNT.createKeyPair(options.accessKeyId, options.secretAccessKey)
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
  })
  const { port } = await server.run()
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      server.httpServer?.closeAllConnections()
      await server.close()
    },
  }
}
