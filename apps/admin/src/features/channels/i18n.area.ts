import { channelsEn } from './i18n.en';
import { channelsZh } from './i18n.zh';

/** The strings of the channels (SMS / email) pages, by language. */
export const channelsAreaZh = { channels: channelsZh };
export const channelsAreaEn = { channels: channelsEn };
