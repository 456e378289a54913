import { Badge } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPopup } from './FilterPopup';
import { activeFilterCount, type FeedFilter, type SortKey } from './feed-filter';
import './sort-bar.css';

type SortBarProps = {
  filter: FeedFilter;
  onChange: (next: FeedFilter) => void;
};

const plainSorts: { key: SortKey; labelKey: string }[] = [
  { key: 'relevance', labelKey: 'catalog.sort.relevance' },
  { key: 'sales', labelKey: 'catalog.sort.sales' },
];

/**
 * 综合 · 销量 · 价格 (tap again to flip ↑↓) · 新品, and 筛选 opening the price and stock filters.
 * Sticks under the page's top bar.
 */
export function SortBar({ filter, onChange }: SortBarProps) {
  const { t } = useTranslation();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const sortBy = (sort: SortKey) => onChange({ ...filter, sort });
  const priceSort = filter.sort === 'price_asc' || filter.sort === 'price_desc';
  const filters = activeFilterCount(filter);

  const tab = (key: string, active: boolean, label: ReactNode, onClick: () => void, aria?: string) => (
    <button
      key={key}
      type="button"
      className={active ? 'sort-bar__item sort-bar__item--active' : 'sort-bar__item'}
      aria-pressed={active}
      aria-label={aria}
      onClick={onClick}
      data-testid={`sort-${key}`}
    >
      {label}
    </button>
  );

  return (
    <div className="sort-bar" role="toolbar" aria-label={t('catalog.sort.label')}>
      {plainSorts.map((s) => tab(s.key, filter.sort === s.key, t(s.labelKey), () => sortBy(s.key)))}
      {tab(
        'price',
        priceSort,
        <>
          {t('catalog.sort.price')}
          <span className="sort-bar__arrows" aria-hidden="true">
            <span className={filter.sort === 'price_asc' ? 'is-on' : ''}>▲</span>
            <span className={filter.sort === 'price_desc' ? 'is-on' : ''}>▼</span>
          </span>
        </>,
        () => sortBy(filter.sort === 'price_asc' ? 'price_desc' : 'price_asc'),
        filter.sort === 'price_desc' ? t('catalog.sort.priceDesc') : t('catalog.sort.priceAsc'),
      )}
      {tab('newest', filter.sort === 'newest', t('catalog.sort.newest'), () => sortBy('newest'))}
      {tab(
        'filter',
        filters > 0,
        <Badge content={filters > 0 ? filters : null} style={{ '--right': '-6px', '--top': '2px' }}>
          {t('catalog.filter.open')}
        </Badge>,
        () => setFiltersOpen(true),
      )}
      <FilterPopup
        visible={filtersOpen}
        filter={filter}
        onClose={() => setFiltersOpen(false)}
        onApply={(next) => {
          setFiltersOpen(false);
          onChange(next);
        }}
      />
    </div>
  );
}
