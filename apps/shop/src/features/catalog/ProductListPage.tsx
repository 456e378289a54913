import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../app/Page';
import { shopPath, useSlug } from '../../app/useSlug';
import { childrenOf, type ShopCategoryView, useCategories, useProductFeed } from './catalog-api';
import { SearchIcon } from './CatalogIcons';
import { type FeedFilter, readFilter, writeFilter } from './feed-filter';
import { FeedEmpty, ProductFeed } from './ProductFeed';
import { SortBar } from './SortBar';

/**
 * Products of a category (`?categoryId=`, descendants included) or of the whole shop, in a two-column
 * grid with sorts and filters kept in the URL, 20 a page with infinite scroll.
 */
export function ProductListPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const categoryId = params.get('categoryId') ?? undefined;
  const filter = readFilter(params);
  const feed = useProductFeed(slug, categoryId, filter);
  const categories = useCategories(slug).data?.items ?? [];
  const category = categories.find((c) => c.id === categoryId);

  const change = (next: FeedFilter) => setParams(writeFilter(params, next), { replace: true });
  const filtered = filter.priceMin !== undefined || filter.priceMax !== undefined || filter.inStock;

  return (
    <Page
      title={category?.name ?? t('catalog.list.all')}
      fallback={shopPath(slug, 'category')}
      right={
        <button
          type="button"
          className="icon-button"
          aria-label={t('catalog.search.title')}
          onClick={() => navigate(shopPath(slug, 'search'))}
        >
          <SearchIcon />
        </button>
      }
    >
      <div className="sticky-tools">
        {category && (
          <SubCategoryChips
            current={category}
            categories={categories}
            onPick={(id) =>
              setParams(new URLSearchParams({ ...Object.fromEntries(params), categoryId: id }), { replace: true })
            }
          />
        )}
        <SortBar filter={filter} onChange={change} />
      </div>
      <ProductFeed
        feed={feed}
        empty={
          <FeedEmpty
            title={filtered ? t('catalog.list.emptyFiltered') : t('catalog.list.empty')}
            description={filtered ? t('catalog.list.emptyFilteredHint') : undefined}
          />
        }
      />
    </Page>
  );
}

/**
 * The sub-categories to narrow to: the children of the category shown, or, for a leaf, its siblings
 * (with 全部 going back to the parent).
 */
function SubCategoryChips(props: {
  current: ShopCategoryView;
  categories: ShopCategoryView[];
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { current, categories } = props;
  const own = childrenOf(categories, current.id);
  const base = own.length > 0 ? current : categories.find((c) => c.id === current.parentId);
  if (!base) return null;
  const chips = [{ id: base.id, name: t('catalog.list.allOf') }, ...childrenOf(categories, base.id)];
  return (
    <div className="chip-row" role="tablist">
      {chips.map((c) => (
        <button
          key={c.id}
          type="button"
          role="tab"
          aria-selected={c.id === current.id}
          className={c.id === current.id ? 'chip chip--active' : 'chip'}
          onClick={() => c.id !== current.id && props.onPick(c.id)}
        >
          {c.name}
        </button>
      ))}
    </div>
  );
}
