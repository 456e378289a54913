import { Button, InfiniteScroll, Skeleton, Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../app/Page';
import { shopPath, useSlug } from '../../app/useSlug';
import { formatFen } from '../catalog/money';
import { FeedEmpty, FeedError } from '../catalog/ProductFeed';
import { CountBadge } from './CountBadge';
import { canConfirmReceipt, canPay, statusKey } from './order-status';
import { BADGED, ORDER_TABS, type Order, useOrderCounts, useOrderFeed } from './orders-api';
import { orderPath } from './pay';
import { useOrderActions } from './useOrderActions';
import './orders.css';

/** /t/:slug/orders?status=… — 我的订单 by status (全部/待付款/待发货/待收货/已完成). */
export function OrderListPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const [params, setParams] = useSearchParams();
  const tab = ORDER_TABS.find((x) => x.key === params.get('status')) ?? ORDER_TABS[0]!;
  const counts = useOrderCounts(slug);
  return (
    <Page title={t('orders.title')} fallback={shopPath(slug, 'me')}>
      <Tabs
        className="order-tabs"
        activeKey={tab.key}
        onChange={(key) => setParams(key === 'all' ? {} : { status: key }, { replace: true })}
      >
        {ORDER_TABS.map((x) => (
          <Tabs.Tab
            key={x.key}
            title={
              <CountBadge
                count={x.status && BADGED.has(x.status) ? counts.data?.counts[x.status] : 0}
                testId={`orders-tab-${x.key}`}
              >
                {t(`orders.tabs.${x.key}`)}
              </CountBadge>
            }
          />
        ))}
      </Tabs>
      <OrderFeed key={tab.key} status={tab.status} />
    </Page>
  );
}

function OrderFeed({ status }: { status: Order['status'] | undefined }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const feed = useOrderFeed(slug, status);
  if (feed.isPending)
    return (
      <div aria-busy="true">
        {[0, 1, 2].map((i) => (
          <div key={i} className="shop-card">
            <Skeleton.Paragraph lineCount={4} animated />
          </div>
        ))}
      </div>
    );
  if (feed.isError && !feed.data) return <FeedError error={feed.error} onRetry={() => feed.refetch()} />;
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0)
    return (
      <FeedEmpty title={t('orders.empty')}>
        <Button color="primary" size="small" onClick={() => navigate(shopPath(slug, 'category'))}>
          {t('cart.goShopping')}
        </Button>
      </FeedEmpty>
    );
  return (
    <div data-testid="order-list">
      {items.map((o) => (
        <OrderCard key={o.id} order={o} />
      ))}
      <InfiniteScroll
        loadMore={async () => {
          await feed.fetchNextPage({ throwOnError: true, cancelRefetch: false });
        }}
        hasMore={feed.hasNextPage}
      >
        {(hasMore, failed, retry) => (
          <span className="feed-footer">
            {failed ? (
              <>
                {t('catalog.loadMoreFailed')}
                <button type="button" className="feed-footer__retry" onClick={retry}>
                  {t('app.retry')}
                </button>
              </>
            ) : hasMore ? (
              t('app.loading')
            ) : (
              t('catalog.noMore')
            )}
          </span>
        )}
      </InfiniteScroll>
    </div>
  );
}

function OrderCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const actions = useOrderActions();
  const units = order.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <div className="shop-card order-card" data-testid="order-card" data-order={order.id}>
      <Link to={orderPath(slug, order.id)} className="order-card__link">
        <div className="order-card__head">
          <span className="shop-muted">{order.id}</span>
          <span className={`order-status order-status--${order.status}`} data-testid="order-status">
            {t(statusKey(order))}
          </span>
        </div>
        {order.lines.slice(0, 3).map((l) => (
          <div key={l.id} className="order-card__line">
            <span className="order-card__title">
              {l.title}
              {l.specText && <span className="shop-muted"> {l.specText}</span>}
            </span>
            <span className="shop-muted">×{l.quantity}</span>
          </div>
        ))}
        {order.lines.length > 3 && (
          <div className="shop-muted">{t('orders.moreLines', { count: order.lines.length - 3 })}</div>
        )}
        <div className="order-card__sum">
          {t('orders.sum', { count: units })}
          <strong>{formatFen(order.total)}</strong>
        </div>
      </Link>
      {(canPay(order) || canConfirmReceipt(order)) && (
        <div className="order-card__actions">
          {canPay(order) && (
            <Button
              size="small"
              color="primary"
              shape="rounded"
              loading={actions.busy === `pay:${order.id}`}
              onClick={() => actions.pay(order)}
            >
              {t('orders.pay')}
            </Button>
          )}
          {canConfirmReceipt(order) && (
            <Button
              size="small"
              color="primary"
              fill="outline"
              shape="rounded"
              loading={actions.busy === `receipt:${order.id}`}
              onClick={() => actions.confirmReceipt(order)}
            >
              {t('orders.confirmReceipt')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
