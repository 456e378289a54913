// Line icons in the style of app/icons.tsx (they follow `currentColor`).
const base = { width: '1em', height: '1em', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor' } as const;

/** The 分类 tab: four tiles. */
export const CategoryIcon = () => (
  <svg {...base} strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
    <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
    <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
    <circle cx="17" cy="17" r="3.5" />
  </svg>
);

export const SearchIcon = () => (
  <svg {...base} strokeWidth={2} strokeLinecap="round" aria-hidden="true">
    <circle cx="11" cy="11" r="6.5" />
    <path d="m16 16 4.5 4.5" />
  </svg>
);

export const BackIcon = () => (
  <svg {...base} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M15 5 8 12l7 7" />
  </svg>
);
