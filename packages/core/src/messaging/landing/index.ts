/** 落地页 landing pages: public surface of this aggregate (re-exported by messaging/index.ts). docs/wecom.md. */
export { EARTH_RADIUS_M, haversineMeters, type LatLng, nearestTo } from './geo';
export { landingQrSvg } from './landing-qr';
export {
  createLandingPage,
  deleteLandingPage,
  getLandingPage,
  type LandingOpts,
  landingUrl,
  listLandingPages,
  updateLandingPage,
} from './landing.service';
export { nearestLandingCode, publicLandingPage, recordLandingVisit } from './public.service';
export { landingStats } from './stats.service';
