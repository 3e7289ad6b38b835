/**
 * A certificate authority and a server certificate made for one run, so TLS is verified for
 * real: clients trust `caPem` (no `rejectUnauthorized: false` anywhere).
 */
import { generate } from 'selfsigned'

export type RunCertificate = {
  /** The CA certificate clients should trust. */
  readonly caPem: string
  /** The server's key and certificate, valid for 127.0.0.1, ::1 and localhost. */
  readonly keyPem: string
  readonly certPem: string
}

const DAY_MS = 24 * 60 * 60 * 1000

export const createRunCertificate = async (): Promise<RunCertificate> => {
  // Back-dated an hour so a client with a slightly slow clock still accepts it.
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000)
  const notAfterDate = new Date(notBeforeDate.getTime() + 30 * DAY_MS)
  // EC P-256 keys are generated in milliseconds (RSA takes far longer) and every TLS stack has them.
  const common = { keyType: 'ec', algorithm: 'sha256', notBeforeDate, notAfterDate } as const
  const ca = await generate([{ name: 'commonName', value: 'DSS Explorer test bed CA' }], {
    ...common,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  })
  // A conventional chain (CA:TRUE root, CA:FALSE server certificate) rather than one self-signed
  // leaf: it is the shape every verifier expects, strict ones included.
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    ...common,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  })
  return { caPem: ca.cert, keyPem: server.private, certPem: server.cert }
}
