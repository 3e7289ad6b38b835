import type { AccountKind } from '../../shared/accounts'
import { ArchiveIcon, CloudIcon, SandboxIcon, ServerIcon } from './icons'

/** The icon that stands for an account's kind of storage. */
export const KindIcon = ({ kind }: { readonly kind: AccountKind }) => {
  switch (kind) {
    case 'sandbox':
      return <SandboxIcon />
    case 'dss-standard':
      return <CloudIcon />
    case 'dss-archive':
      return <ArchiveIcon />
    case 'custom':
      return <ServerIcon />
  }
}
