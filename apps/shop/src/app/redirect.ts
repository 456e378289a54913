import { shopPath } from './useSlug';

/** The login page, remembering where to come back to. */
export const loginPath = (slug: string, back?: string) =>
  `${shopPath(slug, 'login')}${back ? `?redirect=${encodeURIComponent(back)}` : ''}`;

/**
 * Where to go after login: the `redirect` query parameter when it is a page of the same shop
 * (never another site or tenant), else the home page.
 */
export function afterLoginPath(slug: string, search: string): string {
  const target = new URLSearchParams(search).get('redirect');
  const own = shopPath(slug);
  if (target && (target === own || target.startsWith(`${own}/`) || target.startsWith(`${own}?`))) {
    if (!target.startsWith(`${own}/login`)) return target;
  }
  return own;
}
