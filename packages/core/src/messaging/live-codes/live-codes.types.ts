/** Shapes of the JSON columns of the live-code tables (shared by the pure helpers and the repo). */
export type StoredSchedule = { slots: { weekdays: number[]; start: string; end: string }[] };
export type StoredWindow = { start: string; end: string };
export type StoredWelcome =
  | { mode: 'default' }
  | { mode: 'none' }
  | { mode: 'custom'; text: string; attachments: StoredAttachment[] };
export type StoredAttachment =
  | { type: 'image'; url: string }
  | { type: 'link'; title: string; url: string; desc?: string; picUrl?: string }
  | { type: 'miniprogram'; title: string; appid: string; page: string; picUrl: string };
/** Rotation state: the member on the way now (one-at-a-time modes) and smooth-WRR current weights. */
export type Rotation = { current: string | null; weights: Record<string, number> };
