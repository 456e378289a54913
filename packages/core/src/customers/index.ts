/** customers: one profile per person (OneID), tags, timeline, ownership and follow-ups, imports. */
import { mergeRegistries } from '../platform';
import { followUpsRegistry } from './follow-ups';
import { profileSubscribers } from './profiles';
import { importsRegistry } from './imports';
import { tagsRegistry } from './tags';

export * from './events';
export * from './follow-ups';
export * from './imports';
export * from './profiles';
export * from './tags';

export const customersRegistry = mergeRegistries(
  { subscribers: profileSubscribers },
  tagsRegistry,
  followUpsRegistry,
  importsRegistry,
);
