import { SearchBar, type SearchBarRef } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { shopPath, useSlug } from '../../app/useSlug';
import { BackIcon } from './CatalogIcons';
import { useSearchFeed } from './catalog-api';
import { type FeedFilter, readFilter, writeFilter } from './feed-filter';
import { FeedEmpty, ProductFeed } from './ProductFeed';
import { ProductGridCard } from './ProductCard';
import { loadRecentSearches, saveRecentSearches, withRecent } from './recent-searches';
import { SearchStart } from './SearchStart';
import { SortBar } from './SortBar';
import './search.css';

/**
 * Search: the box on top; without a word, recent searches and categories to browse; with one
 * (`?q=`), the results ranked by relevance (or the sort picked), or the API's suggestions when
 * nothing matched. Chinese, pinyin (`natie`) and initials (`nt`) are all the API's job.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const filter = readFilter(params);
  const [draft, setDraft] = useState(q);
  const [recent, setRecent] = useState(() => loadRecentSearches(slug));
  const searchBar = useRef<SearchBarRef>(null);

  // Back and forward change `q`: the box follows. Without a word, the box takes the focus.
  useEffect(() => {
    setDraft(q);
    if (!q) searchBar.current?.focus();
  }, [q]);

  const search = (word: string) => {
    const w = word.trim();
    if (!w) return;
    const nextRecent = withRecent(recent, w);
    setRecent(nextRecent);
    saveRecentSearches(slug, nextRecent);
    searchBar.current?.blur();
    // A new word is a new page in the history (back returns to the previous word); a sort is not.
    setParams({ q: w }, { replace: w === q });
  };
  const clearRecent = () => {
    setRecent([]);
    saveRecentSearches(slug, []);
  };
  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(shopPath(slug), { replace: true });
  };

  return (
    <div className="search-page" data-testid="search-page">
      <div className="search-page__bar">
        <button type="button" className="search-page__back" onClick={back} aria-label={t('app.back')}>
          <BackIcon />
        </button>
        <SearchBar
          ref={searchBar}
          value={draft}
          onChange={setDraft}
          onSearch={search}
          onClear={() => setDraft('')}
          placeholder={t('catalog.search.placeholder')}
          maxLength={50}
          aria-label={t('catalog.search.title')}
          data-testid="search-input"
        />
        <button type="button" className="search-page__go" onClick={() => search(draft)} data-testid="search-submit">
          {t('catalog.search.submit')}
        </button>
      </div>
      {q ? (
        <SearchResults
          q={q}
          filter={filter}
          onFilter={(next) => setParams(writeFilter(params, next), { replace: true })}
        />
      ) : (
        <SearchStart recent={recent} onPick={search} onClearRecent={clearRecent} />
      )}
    </div>
  );
}

function SearchResults({ q, filter, onFilter }: { q: string; filter: FeedFilter; onFilter: (f: FeedFilter) => void }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const feed = useSearchFeed(slug, q, filter);
  const suggestions = feed.data?.pages[0]?.suggestions ?? [];
  const filtered = filter.priceMin !== undefined || filter.priceMax !== undefined || filter.inStock;

  const empty = (
    <div data-testid="search-empty">
      <FeedEmpty
        title={t('catalog.search.noResults', { q })}
        description={filtered ? t('catalog.list.emptyFilteredHint') : t('catalog.search.noResultsHint')}
      />
      {suggestions.length > 0 && (
        <section data-testid="search-suggestions">
          <h3 className="section-title">{t('catalog.search.suggestions')}</h3>
          <div className="product-grid">
            {suggestions.map((p) => (
              <ProductGridCard key={p.id} product={p} />
            ))}
          </div>
        </section>
      )}
    </div>
  );

  return (
    <>
      <div className="sticky-tools sticky-tools--search">
        <SortBar filter={filter} onChange={onFilter} />
      </div>
      <ProductFeed feed={feed} empty={empty} />
    </>
  );
}
