/** The editable part of an object's properties, compared with what the server holds. */
import type { ObjectProperties } from '../../../shared/objects'
import type { MetadataRow } from './metadata-rows'
import { metadataRowsOf, sameMetadata } from './metadata-rows'

export type PropertiesDraft = {
  readonly contentType: string
  readonly cacheControl: string
  readonly metadata: readonly MetadataRow[]
}

export const draftOf = (properties: ObjectProperties): PropertiesDraft => ({
  contentType: properties.contentType ?? '',
  cacheControl: properties.cacheControl ?? '',
  metadata: metadataRowsOf(properties.metadata),
})

export const draftChanged = (draft: PropertiesDraft, properties: ObjectProperties): boolean =>
  draft.contentType !== (properties.contentType ?? '') ||
  draft.cacheControl !== (properties.cacheControl ?? '') ||
  !sameMetadata(draft.metadata, properties.metadata)
