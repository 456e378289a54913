/** Distances on the earth for the nearest-store pages (WGS-84 degrees in, metres out). */

/** The mean earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

export type LatLng = { lat: number; lng: number };

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance by the haversine formula (error < 0.5% against the ellipsoid). */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The nearest of the candidates that have a position, with its distance; null when none has one. */
export function nearestTo<T extends { position: LatLng | null }>(
  from: LatLng,
  candidates: readonly T[],
): { item: T; meters: number } | null {
  let best: { item: T; meters: number } | null = null;
  for (const item of candidates) {
    if (!item.position) continue;
    const meters = haversineMeters(from, item.position);
    if (!best || meters < best.meters) best = { item, meters };
  }
  return best;
}
