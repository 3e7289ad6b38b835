/** Creating a folder: a zero-byte object whose key ends in '/'. */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { CodedError } from '../../../shared/errors'
import { folderNameProblem, joinKey, keyProblem } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'

export const createFolder = async (
  connection: Connection,
  bucket: string,
  prefix: string,
  name: string,
): Promise<string> => {
  const problem = folderNameProblem(name)
  if (problem) throw new CodedError('INVALID_KEY', problem)
  const key = `${joinKey(prefix, name)}/`
  const tooLong = keyProblem(key)
  if (tooLong) throw new CodedError('INVALID_KEY', tooLong)
  await connection.client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: new Uint8Array(0), ContentLength: 0 }),
  )
  return key
}
