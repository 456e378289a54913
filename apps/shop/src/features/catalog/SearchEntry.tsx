import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shopPath, useSlug } from '../../app/useSlug';
import { SearchIcon } from './CatalogIcons';
import './search.css';

/** A search box that is a link: tapping it opens the search page (home and category tabs). */
export function SearchEntry({ className }: { className?: string }) {
  const { t } = useTranslation();
  const slug = useSlug();
  return (
    <Link
      to={shopPath(slug, 'search')}
      className={`search-entry ${className ?? ''}`}
      aria-label={t('catalog.search.title')}
      data-testid="search-entry"
    >
      <SearchIcon />
      <span>{t('catalog.search.placeholder')}</span>
    </Link>
  );
}
