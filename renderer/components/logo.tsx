/** DSS Explorer's mark: a storage stack inside an orbit, after the Oort cloud. */
export const Logo = ({ size = 28 }: { readonly size?: number }) => (
  <svg
    className="logo"
    viewBox="0 0 32 32"
    width={size}
    height={size}
    aria-hidden="true"
    focusable="false"
  >
    <defs>
      <linearGradient id="logo-tile" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stopColor="#4f7cff" />
        <stop offset="1" stopColor="#7a4dff" />
      </linearGradient>
    </defs>
    <rect width="32" height="32" rx="8" fill="url(#logo-tile)" />
    <g fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round">
      <ellipse cx="16" cy="10.5" rx="6.5" ry="2.5" />
      <path d="M9.5 10.5v5c0 1.4 2.9 2.5 6.5 2.5s6.5-1.1 6.5-2.5v-5" />
      <path d="M9.5 15.5v5c0 1.4 2.9 2.5 6.5 2.5s6.5-1.1 6.5-2.5v-5" />
    </g>
    <ellipse
      cx="16"
      cy="16"
      rx="14"
      ry="5"
      fill="none"
      stroke="#fff"
      strokeOpacity="0.45"
      strokeWidth="1.2"
      transform="rotate(-24 16 16)"
    />
    <circle cx="27.2" cy="9.6" r="1.7" fill="#fff" />
  </svg>
)
