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
