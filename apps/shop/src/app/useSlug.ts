import { useParams } from 'react-router';

/** The tenant of the current page: every shop page lives under /t/:slug/. */
export function useSlug(): string {
  const { slug } = useParams();
  if (!slug) throw new Error('useSlug outside /t/:slug');
  return slug;
}

/** Absolute in-app path of a tenant page: `shopPath('demo', 'me')` → `/t/demo/me`. */
export const shopPath = (slug: string, path = '') => `/t/${slug}${path ? `/${path.replace(/^\//, '')}` : ''}`;
