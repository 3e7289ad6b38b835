import { baseName, prefixChain } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import { BucketIcon } from '../icons'

/** bucket › folder › folder, each a way back up; the names exactly as stored. */
export const Breadcrumbs = ({ location }: { readonly location: Location }) => {
  const openLocation = useAppStore((state) => state.openLocation)
  const crumbs = [
    { prefix: '', name: location.bucket },
    ...prefixChain(location.prefix).map((prefix) => ({ prefix, name: baseName(prefix) })),
  ]
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <ol>
        {crumbs.map(({ prefix, name }, index) => {
          const current = index === crumbs.length - 1
          return (
            <li key={prefix}>
              {index > 0 && (
                <span className="breadcrumb-separator" aria-hidden="true">
                  ›
                </span>
              )}
              <button
                type="button"
                className="breadcrumb"
                aria-current={current ? 'location' : undefined}
                title={prefix === '' ? location.bucket : prefix}
                onClick={() => openLocation({ ...location, prefix })}
              >
                {index === 0 && <BucketIcon />}
                <span className="breadcrumb-name">{name === '' ? '(no name)' : name}</span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
