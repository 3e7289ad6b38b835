/** Line icons drawn on a 16×16 grid in the current text colour; decorative, so hidden from readers. */
import type { ReactNode } from 'react'

const Icon = ({ children }: { readonly children: ReactNode }) => (
  <svg
    className="icon"
    viewBox="0 0 16 16"
    width="16"
    height="16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.4"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    {children}
  </svg>
)

export const BucketIcon = () => (
  <Icon>
    <ellipse cx="8" cy="4" rx="5.5" ry="2" />
    <path d="M2.5 4l1.3 8.6c.2 1 2 1.9 4.2 1.9s4-.9 4.2-1.9L13.5 4" />
  </Icon>
)

export const CloudIcon = () => (
  <Icon>
    <path d="M4.5 12.5h7a3 3 0 0 0 .4-6 4 4 0 0 0-7.7 1A2.5 2.5 0 0 0 4.5 12.5z" />
  </Icon>
)

export const ArchiveIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="3" rx="0.8" />
    <path d="M3 6v6.5c0 .6.4 1 1 1h8c.6 0 1-.4 1-1V6M6.5 9h3" />
  </Icon>
)

export const ServerIcon = () => (
  <Icon>
    <rect x="2.5" y="2.5" width="11" height="4.5" rx="1" />
    <rect x="2.5" y="9" width="11" height="4.5" rx="1" />
    <path d="M5 4.75h.01M5 11.25h.01" />
  </Icon>
)

export const SandboxIcon = () => (
  <Icon>
    <path d="M8 1.8l5.5 3.1v6.2L8 14.2l-5.5-3.1V4.9z" />
    <path d="M2.5 4.9L8 8l5.5-3.1M8 8v6.2" />
  </Icon>
)

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3v10M3 8h10" />
  </Icon>
)

export const RefreshIcon = () => (
  <Icon>
    <path d="M13 3.5v3h-3" />
    <path d="M12.6 6.5A5 5 0 1 0 13 9.5" />
  </Icon>
)

export const PencilIcon = () => (
  <Icon>
    <path d="M10.5 2.5l3 3L6 13H3v-3z" />
  </Icon>
)

export const TrashIcon = () => (
  <Icon>
    <path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.7 9h6.6l.7-9" />
  </Icon>
)

export const CheckIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M5.3 8.2l1.8 1.8 3.6-3.8" />
  </Icon>
)

export const AlertIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.8v3.6M8 11h.01" />
  </Icon>
)

export const UnlockedIcon = () => (
  <Icon>
    <rect x="3" y="7" width="10" height="7" rx="1.2" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 4.9-.7" />
  </Icon>
)

export const FolderIcon = () => (
  <Icon>
    <path d="M2 4.5c0-.6.4-1 1-1h3.2l1.4 1.5H13c.6 0 1 .4 1 1v6.5c0 .6-.4 1-1 1H3c-.6 0-1-.4-1-1z" />
  </Icon>
)

export const FileIcon = () => (
  <Icon>
    <path d="M4 1.8h5l3.2 3.2v8.2c0 .6-.4 1-1 1H4c-.6 0-1-.4-1-1V2.8c0-.6.4-1 1-1z" />
    <path d="M9 1.8V5h3.2" />
  </Icon>
)

export const ArrowLeftIcon = () => (
  <Icon>
    <path d="M13 8H3M7 4L3 8l4 4" />
  </Icon>
)

export const ArrowRightIcon = () => (
  <Icon>
    <path d="M3 8h10M9 4l4 4-4 4" />
  </Icon>
)

export const ArrowUpIcon = () => (
  <Icon>
    <path d="M8 13V3M4 7l4-4 4 4" />
  </Icon>
)

export const ChevronRightIcon = () => (
  <Icon>
    <path d="M6 3.5L10.5 8 6 12.5" />
  </Icon>
)

export const CopyIcon = () => (
  <Icon>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.2" />
    <path d="M10.5 5.5V3.5c0-.6-.4-1-1-1h-6c-.6 0-1 .4-1 1v6c0 .6.4 1 1 1h2" />
  </Icon>
)

export const PasteIcon = () => (
  <Icon>
    <rect x="3" y="3" width="10" height="11" rx="1.2" />
    <path d="M6 3V2h4v1M5.5 7h5M5.5 10h3" />
  </Icon>
)

export const MoveIcon = () => (
  <Icon>
    <path d="M2 4.5c0-.6.4-1 1-1h3.2l1.4 1.5H13c.6 0 1 .4 1 1v6.5c0 .6-.4 1-1 1H3c-.6 0-1-.4-1-1z" />
    <path d="M6 9.5h4.5M8.5 7.5l2 2-2 2" />
  </Icon>
)

export const InfoIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 7.2v3.8M8 5h.01" />
  </Icon>
)

export const MoreIcon = () => (
  <Icon>
    <path d="M3.5 8h.01M8 8h.01M12.5 8h.01" strokeWidth="2.4" />
  </Icon>
)

export const SearchIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.2" />
    <path d="M10.2 10.2L13.5 13.5" />
  </Icon>
)

export const CloseIcon = () => (
  <Icon>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
)

export const JobsIcon = () => (
  <Icon>
    <path d="M2.5 4h7M2.5 8h11M2.5 12h5" />
  </Icon>
)

export const LockIcon = () => (
  <Icon>
    <rect x="3" y="7" width="10" height="7" rx="1.2" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Icon>
)

export const KeyIcon = () => (
  <Icon>
    <circle cx="5.5" cy="10.5" r="2.8" />
    <path d="M7.5 8.5L13 3M11 5l1.6 1.6M9.6 6.4l1.2 1.2" />
  </Icon>
)

export const PulseIcon = () => (
  <Icon>
    <path d="M1.5 8.5h3l1.6-4 2.8 8 1.6-4h4" />
  </Icon>
)

export const UploadIcon = () => (
  <Icon>
    <path d="M8 10.5V2.5M4.8 5.5L8 2.3l3.2 3.2" />
    <path d="M2.5 10v2.5c0 .6.4 1 1 1h9c.6 0 1-.4 1-1V10" />
  </Icon>
)

export const DownloadIcon = () => (
  <Icon>
    <path d="M8 2.5v8M4.8 7.5L8 10.7l3.2-3.2" />
    <path d="M2.5 10v2.5c0 .6.4 1 1 1h9c.6 0 1-.4 1-1V10" />
  </Icon>
)

export const UploadFolderIcon = () => (
  <Icon>
    <path d="M2 4.5c0-.6.4-1 1-1h3.2l1.4 1.5H13c.6 0 1 .4 1 1v6.5c0 .6-.4 1-1 1H3c-.6 0-1-.4-1-1z" />
    <path d="M8 11.5V7.5M6.3 9.1L8 7.4l1.7 1.7" />
  </Icon>
)

/** Up and down: the transfers toggle. */
export const TransfersIcon = () => (
  <Icon>
    <path d="M5 13V3M2.5 5.5L5 3l2.5 2.5M11 3v10M8.5 10.5L11 13l2.5-2.5" />
  </Icon>
)

export const PauseIcon = () => (
  <Icon>
    <path d="M5.5 3.5v9M10.5 3.5v9" />
  </Icon>
)

export const PlayIcon = () => (
  <Icon>
    <path d="M5 3.2v9.6L12.5 8z" />
  </Icon>
)

export const RetryIcon = () => (
  <Icon>
    <path d="M2.8 8a5.2 5.2 0 1 0 1.6-3.8M2.5 2.5v2.9h2.9" />
  </Icon>
)

export const SettingsIcon = () => (
  <Icon>
    <path d="M2.5 4.5h6M11.5 4.5h2M2.5 11.5h2M7.5 11.5h6" />
    <circle cx="10" cy="4.5" r="1.5" />
    <circle cx="6" cy="11.5" r="1.5" />
  </Icon>
)

/** Two chain links: share links. */
export const LinkIcon = () => (
  <Icon>
    <path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.2-2.2a2.6 2.6 0 0 0-3.7-3.7l-.9.9" />
    <path d="M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.3 9a2.6 2.6 0 0 0 3.7 3.7l.9-.9" />
  </Icon>
)

/** A box with an arrow out of it: opens elsewhere (the system browser). */
export const ExternalIcon = () => (
  <Icon>
    <path d="M9.5 2.5h4v4M13.5 2.5L7.5 8.5" />
    <path d="M11.5 9.5v3c0 .6-.4 1-1 1h-7c-.6 0-1-.4-1-1v-7c0-.6.4-1 1-1h3" />
  </Icon>
)

/** A small chain link under an upload arrow: an upload link. */
export const UploadLinkIcon = () => (
  <Icon>
    <g transform="translate(0.4 4.2) scale(0.72)">
      <path
        d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.2-2.2a2.6 2.6 0 0 0-3.7-3.7l-.9.9"
        vectorEffect="non-scaling-stroke"
      />
      <path
        d="M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.3 9a2.6 2.6 0 0 0 3.7 3.7l.9-.9"
        vectorEffect="non-scaling-stroke"
      />
    </g>
    <path d="M12.3 9.5V2.5M10.1 4.7l2.2-2.2 2.2 2.2" />
  </Icon>
)
