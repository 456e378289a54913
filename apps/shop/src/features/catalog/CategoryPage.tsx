import { Image, SideBar, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageError } from '../../app/PageState';
import { shopPath, useSlug } from '../../app/useSlug';
import { childrenOf, type ShopCategoryView, useCategories, useProductFeed } from './catalog-api';
import { FeedEmpty, ProductFeed } from './ProductFeed';
import { SearchEntry } from './SearchEntry';
import './category.css';

const RELEVANCE = { sort: 'relevance' } as const;

/**
 * The 分类 tab, as Chinese mall apps lay it out: a search box on top, the top-level categories in a
 * rail on the left, and on the right the chosen category's sub-categories and its products.
 * The chosen category is kept in the URL (`?c=`) so coming back shows it again.
 */
export function CategoryPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const categories = useCategories(slug);
  const [params, setParams] = useSearchParams();

  const body = () => {
    if (categories.isPending) return <CategorySkeleton />;
    if (categories.isError) return <PageError error={categories.error} onRetry={() => categories.refetch()} />;
    const all = categories.data.items;
    const top = childrenOf(all, null);
    if (top.length === 0) return <FeedEmpty title={t('catalog.category.none')} />;
    const active = top.find((c) => c.id === params.get('c')) ?? top[0]!;
    return (
      <div className="category__panes">
        <SideBar
          className="category__rail"
          activeKey={active.id}
          onChange={(id) => setParams({ c: id }, { replace: true })}
        >
          {top.map((c) => (
            <SideBar.Item key={c.id} title={c.name} data-testid="category-rail-item" />
          ))}
        </SideBar>
        {/* keyed: a new category starts at the top of its pane */}
        <CategoryPane key={active.id} category={active} all={all} />
      </div>
    );
  };

  return (
    <div className="category" data-testid="category-page">
      <div className="category__search">
        <SearchEntry />
      </div>
      {body()}
    </div>
  );
}

/** The right side: sub-category tiles, then the category's products (its descendants included). */
function CategoryPane({ category, all }: { category: ShopCategoryView; all: ShopCategoryView[] }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const feed = useProductFeed(slug, category.id, RELEVANCE);
  const children = childrenOf(all, category.id);
  const listPath = (id: string) => shopPath(slug, `products?categoryId=${encodeURIComponent(id)}`);

  return (
    <section className="category__pane" aria-label={category.name} data-testid="category-pane">
      <div className="category__pane-head">
        <h2>{category.name}</h2>
        <Link to={listPath(category.id)} className="shop-link" data-testid="category-see-all">
          {t('catalog.category.seeAll')} ›
        </Link>
      </div>
      {children.length > 0 && (
        <div className="category__children">
          {children.map((c) => (
            <Link key={c.id} to={listPath(c.id)} className="category__child" data-testid="category-child">
              <span className="category__child-icon">
                {c.icon ? <Image src={c.icon.thumbUrl} alt="" fit="cover" lazy /> : c.name.slice(0, 1)}
              </span>
              <span className="category__child-name">{c.name}</span>
            </Link>
          ))}
        </div>
      )}
      <ProductFeed
        feed={feed}
        layout="rows"
        empty={<FeedEmpty title={t('catalog.category.empty')} description={t('catalog.category.emptyHint')} />}
      />
    </section>
  );
}

function CategorySkeleton() {
  return (
    <div className="category__panes" aria-busy="true">
      <div className="category__rail category__rail--skeleton">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} animated className="category__rail-skeleton" />
        ))}
      </div>
      <div className="category__pane">
        <Skeleton.Title animated />
        <Skeleton.Paragraph lineCount={6} animated />
      </div>
    </div>
  );
}
