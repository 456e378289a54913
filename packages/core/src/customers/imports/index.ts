/** customers/imports: public surface of this aggregate (re-exported by customers/index.ts). */
import type { Registry } from '../../platform';

/** Jobs and subscribers of this aggregate. */
export const importsRegistry: Partial<Registry> = {};
