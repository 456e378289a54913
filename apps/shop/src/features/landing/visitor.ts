/** The anonymous visitor id this browser keeps (landing-page visits count once per visitor and day). */
const KEY = 'siyu.visitor';

const fresh = () => {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

export function visitorId(): string {
  try {
    const known = localStorage.getItem(KEY);
    if (known && /^[A-Za-z0-9_-]{16,64}$/.test(known)) return known;
    const id = fresh();
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    return fresh(); // private mode: one visit per page load
  }
}

/** A distance for people: metres under 1 km, else km with one decimal. */
export const formatDistance = (m: number) => (m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`);
