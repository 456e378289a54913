/** customers: one profile per person (OneID), tags, timeline, ownership and follow-ups, imports. */
import { mergeRegistries } from '../platform';
import { followUpsRegistry } from './follow-ups';
import { importsRegistry } from './imports';
import { tagsRegistry } from './tags';

export * from './follow-ups';
export * from './imports';
export * from './tags';

export const customersRegistry = mergeRegistries(tagsRegistry, followUpsRegistry, importsRegistry);
