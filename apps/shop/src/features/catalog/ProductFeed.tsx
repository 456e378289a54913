import type { ShopProductCard } from '@siyu/contracts';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button, ErrorBlock, InfiniteScroll } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { ProductGridCard, ProductGridSkeleton, ProductRowCard, ProductRowSkeleton } from './ProductCard';

type Feed = UseInfiniteQueryResult<InfiniteData<{ items: ShopProductCard[]; nextCursor: string | null }>>;

type ProductFeedProps = {
  feed: Feed;
  layout?: 'grid' | 'rows';
  /** Shown when the first page is empty. */
  empty: ReactNode;
};

/**
 * Products page after page: a skeleton while the first page loads, an error with retry, the empty
 * state, then the list with InfiniteScroll asking for the next page near the bottom of its scroller.
 */
export function ProductFeed({ feed, layout = 'grid', empty }: ProductFeedProps) {
  if (feed.isPending) return layout === 'grid' ? <ProductGridSkeleton /> : <ProductRowSkeleton />;
  if (feed.isError && !feed.data) return <FeedError error={feed.error} onRetry={() => feed.refetch()} />;
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return <>{empty}</>;

  const loadMore = async () => {
    // Rejecting lets InfiniteScroll show its own "load failed, retry" line.
    await feed.fetchNextPage({ throwOnError: true, cancelRefetch: false });
  };
  return (
    <div className={feed.isPlaceholderData ? 'product-feed product-feed--stale' : 'product-feed'}>
      {layout === 'grid' ? (
        <div className="product-grid" data-testid="product-grid">
          {items.map((p) => (
            <ProductGridCard key={p.id} product={p} />
          ))}
        </div>
      ) : (
        <div data-testid="product-rows">
          {items.map((p) => (
            <ProductRowCard key={p.id} product={p} />
          ))}
        </div>
      )}
      <InfiniteScroll loadMore={loadMore} hasMore={!feed.isPlaceholderData && feed.hasNextPage}>
        {(hasMore, failed, retry) => <FeedFooter hasMore={hasMore} failed={failed} retry={retry} />}
      </InfiniteScroll>
    </div>
  );
}

function FeedFooter(props: { hasMore: boolean; failed: boolean; retry: () => void }) {
  const { t } = useTranslation();
  if (props.failed) {
    return (
      <span className="feed-footer">
        {t('catalog.loadMoreFailed')}
        <button type="button" className="feed-footer__retry" onClick={props.retry}>
          {t('app.retry')}
        </button>
      </span>
    );
  }
  if (props.hasMore) return <span className="feed-footer">{t('app.loading')}</span>;
  return <span className="feed-footer">{t('catalog.noMore')}</span>;
}

/** A list that could not load, with a retry button (smaller than PageError: it sits inside a page). */
export function FeedError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorBlock
      className="feed-state"
      status="default"
      title={t('app.loadFailed')}
      description={errorText(error, t)}
      data-testid="feed-error"
    >
      <Button color="primary" size="small" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </ErrorBlock>
  );
}

/** Nothing to list: a calm empty state with an optional action. */
export function FeedEmpty({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children?: ReactNode;
}) {
  return (
    <ErrorBlock
      className="feed-state"
      status="empty"
      title={title}
      description={description ?? ''}
      data-testid="feed-empty"
    >
      {children}
    </ErrorBlock>
  );
}
