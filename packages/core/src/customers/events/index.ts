/** customers/events: the customer timeline and event ingestion. */
export { customerOfShopAccount, ingestAdminEvents, ingestShopEvents } from './ingest.service';
export { getTimeline, type NewEvent, recordEvent, recordEvents } from './events.service';
