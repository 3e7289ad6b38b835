/** Fills a fresh sandbox with a demo bucket a newcomer can browse right away. */
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { demoImagePng } from './demo-image'

export const DEMO_BUCKET = 'demo'
export const DEMO_LOG_OBJECTS = 300

type DemoObject = { readonly key: string; readonly body: string | Buffer; readonly type: string }

const welcome = `Welcome to DSS Explorer's local sandbox.

Everything here lives on your computer, in an S3 server DSS Explorer runs for you.
Browse the folders, upload files, make share links: nothing leaves this machine.
When you are ready, add your Oort DSS account from the sidebar.
`

export const demoObjects = (): DemoObject[] => {
  const objects: DemoObject[] = [
    { key: 'README.txt', body: welcome, type: 'text/plain; charset=utf-8' },
    { key: 'photos/2026/sunset.png', body: demoImagePng(), type: 'image/png' },
    {
      key: 'photos/2026/thumbnails/sunset-small.png',
      body: demoImagePng(96, 60),
      type: 'image/png',
    },
    {
      key: 'documents/reports/q3-summary.txt',
      body: 'Q3: storage grew 18%.\n',
      type: 'text/plain; charset=utf-8',
    },
    { key: 'documents/reports/archive/', body: Buffer.alloc(0), type: 'application/x-directory' },
    {
      key: 'documents/notes with spaces & symbols +#.txt',
      body: 'Keys may hold any characters.\n',
      type: 'text/plain; charset=utf-8',
    },
    {
      key: 'documents/données-ünïcödé.txt',
      body: 'Unicode keys are shown exactly as stored.\n',
      type: 'text/plain; charset=utf-8',
    },
  ]
  for (let index = 0; index < DEMO_LOG_OBJECTS; index += 1) {
    const day = String(1 + (index % 30)).padStart(2, '0')
    const entry = {
      id: index,
      level: index % 17 === 0 ? 'warn' : 'info',
      message: `event ${index}`,
    }
    objects.push({
      key: `logs/2026-11-${day}/event-${String(index).padStart(4, '0')}.json`,
      body: `${JSON.stringify(entry)}\n`,
      type: 'application/json',
    })
  }
  return objects
}

export const seedDemoBucket = async (client: S3Client, concurrency = 16): Promise<number> => {
  await client.send(new CreateBucketCommand({ Bucket: DEMO_BUCKET }))
  const queue = demoObjects()
  const total = queue.length
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await client.send(
        new PutObjectCommand({
          Bucket: DEMO_BUCKET,
          Key: next.key,
          Body: next.body,
          ContentType: next.type,
        }),
      )
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return total
}
