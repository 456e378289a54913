import { shopOrderRoutes } from '@siyu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, ErrorBlock, Skeleton, Steps, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { Page } from '../../app/Page';
import { PageError } from '../../app/PageState';
import { formatDateTime } from '../../app/dates';
import { shopPath, useSlug } from '../../app/useSlug';
import { fullAddress, maskPhone } from '../addresses/addresses-api';
import { formatFen } from '../catalog/money';
import { Breakdown } from '../checkout/CheckoutPage';
import { canCancel, canConfirmReceipt, canPay, clock, secondsLeft, statusKey, timeline } from './order-status';
import { Parcels } from './Parcels';
import { type Order, useOrder } from './orders-api';
import { useOrderActions } from './useOrderActions';
import './orders.css';

/** How long the page waits for a payment's notification after the cashier, asking every 1.5 s. */
const PAY_WAIT_MS = 30_000;
const PAY_POLL_MS = 1_500;

/**
 * /t/:slug/orders/:id — one order: status (with the time left to pay), address or store, lines, the
 * price, what happened when, and the buttons its status allows. `?paying=1` (back from the cashier):
 * the payment's notification may still be on its way, so the order is asked again for a while.
 */
export function OrderDetailPage() {
  const { t, i18n } = useTranslation();
  const slug = useSlug();
  const id = useParams().id ?? '';
  const [params, setParams] = useSearchParams();
  const paying = params.get('paying') === '1';
  // waiting for the notification: true for PAY_WAIT_MS after coming back from the cashier
  const [waiting, setWaiting] = useState(paying);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => setWaiting(false), PAY_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [waiting]);
  const order = useOrder(slug, id, (o) => (waiting && o?.status === 'pending_payment' ? PAY_POLL_MS : false));
  const status = order.data?.status;

  // Back from the cashier through the browser's back/forward cache: the page is shown as it was; ask again.
  const { refetch } = order;
  useEffect(() => {
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) void refetch();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [refetch]);

  useEffect(() => {
    if (!paying || !status || status === 'pending_payment') return;
    if (status === 'paid') Toast.show({ icon: 'success', content: t('orders.paidToast') });
    setParams({}, { replace: true });
  }, [paying, status, setParams, t]);

  const body = () => {
    if (order.isPending) return <DetailSkeleton />;
    if (order.isError) {
      const e = order.error;
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return <OrderGone />;
      return <PageError error={e} onRetry={() => order.refetch()} />;
    }
    return (
      <OrderDetail
        order={order.data}
        waiting={waiting && order.data.status === 'pending_payment'}
        onRefresh={refetch}
        language={i18n.language}
      />
    );
  };
  return (
    <Page title={t('orders.detailTitle')} fallback={shopPath(slug, 'orders')}>
      {body()}
    </Page>
  );
}

function OrderDetail(props: { order: Order; waiting: boolean; onRefresh: () => unknown; language: string }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const { order, language } = props;
  const actions = useOrderActions();
  const stores = useQuery({
    queryKey: ['pickup-stores', slug],
    queryFn: () => call(shopOrderRoutes.pickupStores, { params: { slug } }),
    enabled: order.delivery === 'pickup',
    staleTime: 5 * 60_000,
  });
  const store = stores.data?.items.find((s) => s.id === order.storeId);
  const steps = timeline(order);

  return (
    <div
      className="order-detail"
      data-testid="order-detail"
      data-status={order.status}
      data-fulfilment={order.fulfilment}
    >
      <header className={`order-head order-head--${order.status}`}>
        <div className="order-head__status" data-testid="order-status">
          {t(statusKey(order))}
        </div>
        {order.status === 'pending_payment' && (
          <Countdown deadline={order.paymentDeadline} onExpired={props.onRefresh} />
        )}
        {(order.status === 'shipped' || order.fulfilment === 'partial') && order.carrier && (
          <div className="order-head__hint">
            {t('orders.tracking', { carrier: order.carrier, no: order.trackingNo ?? '' })}
          </div>
        )}
      </header>
      {props.waiting && (
        <div className="order-waiting" role="status" data-testid="order-waiting">
          {t('orders.confirmingPayment')}
          <button type="button" onClick={props.onRefresh}>
            {t('orders.refresh')}
          </button>
        </div>
      )}
      <section className="shop-card">
        {order.delivery === 'express' && order.address ? (
          <div>
            <div className="checkout__who">
              {order.address.name} <span className="shop-muted">{maskPhone(order.address.phone)}</span>
            </div>
            <div className="checkout__where">{fullAddress(order.address)}</div>
          </div>
        ) : (
          <div>
            <div className="checkout__who">{t('orders.pickupAt', { store: store?.name ?? '' })}</div>
            {store?.address && <div className="checkout__where">{store.address}</div>}
          </div>
        )}
      </section>
      <section className="shop-card">
        {order.lines.map((l) => (
          <div key={l.id} className="checkout-line" data-testid="order-line">
            <div className="checkout-line__main">
              <div className="checkout-line__title">{l.title}</div>
              {l.specText && <div className="shop-muted">{l.specText}</div>}
            </div>
            <div className="checkout-line__price">
              <div>{formatFen(l.unitPrice)}</div>
              <div className="shop-muted">×{l.quantity}</div>
              {order.fulfilment === 'partial' && (
                <div className="shop-muted">
                  {t('orders.parcels.lineShipped', { n: l.shippedQuantity, of: l.quantity })}
                </div>
              )}
            </div>
          </div>
        ))}
      </section>
      <Parcels order={order} language={language} />
      <Breakdown breakdown={order} delivery={order.delivery} adjustment={order.priceAdjustment} />
      <section className="shop-card order-info">
        <Row label={t('orders.number')} value={order.id} />
        <Row label={t('orders.placedAt')} value={formatDateTime(order.placedAt, language)} />
        {order.paymentMethod && (
          <Row label={t('orders.payMethod')} value={t(`orders.methods.${order.paymentMethod}`)} />
        )}
        {order.buyerRemark && <Row label={t('checkout.remark')} value={order.buyerRemark} />}
      </section>
      <section className="shop-card">
        <h2 className="section-title order-detail__section">{t('orders.timeline')}</h2>
        <Steps direction="vertical" current={0} data-testid="order-timeline">
          {steps.map((s) => (
            <Steps.Step
              key={s.status}
              title={t(`orders.steps.${s.status}`)}
              description={formatDateTime(s.at, language)}
              status={s === steps[0] ? 'process' : 'finish'}
            />
          ))}
        </Steps>
      </section>
      <div className="order-actions">
        {canCancel(order) && (
          <Button
            shape="rounded"
            loading={actions.busy === `cancel:${order.id}`}
            onClick={() => actions.cancel(order)}
            data-testid="order-cancel"
          >
            {t('orders.cancel')}
          </Button>
        )}
        {!canPay(order) && (
          <Button
            shape="rounded"
            loading={actions.busy === `again:${order.id}`}
            onClick={() => actions.buyAgain(order)}
            data-testid="order-again"
          >
            {t('orders.buyAgain')}
          </Button>
        )}
        {canConfirmReceipt(order) && (
          <Button
            shape="rounded"
            color="primary"
            loading={actions.busy === `receipt:${order.id}`}
            onClick={() => actions.confirmReceipt(order)}
            data-testid="order-receipt"
          >
            {t('orders.confirmReceipt')}
          </Button>
        )}
        {canPay(order) && (
          <Button
            shape="rounded"
            color="primary"
            loading={actions.busy === `pay:${order.id}`}
            onClick={() => actions.pay(order, true)}
            data-testid="order-pay"
          >
            {t('orders.pay')}
          </Button>
        )}
      </div>
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="breakdown__row">
      <span className="shop-muted">{label}</span>
      <span className="order-info__value">{value}</span>
    </div>
  );
}

/** 剩余 14:59 to pay; at 0 the order is asked again (the close job closes it within a minute). */
function Countdown({ deadline, onExpired }: { deadline: string; onExpired: () => unknown }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const left = secondsLeft(deadline, now);
  const expired = left <= 0;
  useEffect(() => {
    if (expired) {
      onExpired();
      return;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [expired, onExpired]);
  return (
    <div className="order-head__hint" data-testid="pay-countdown">
      {expired ? t('orders.payExpired') : t('orders.payWithin', { time: clock(left) })}
    </div>
  );
}

function OrderGone() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  return (
    <div className="page-state">
      <ErrorBlock status="empty" title={t('orders.gone')} description="">
        <Button color="primary" size="small" onClick={() => navigate(shopPath(slug, 'orders'), { replace: true })}>
          {t('orders.title')}
        </Button>
      </ErrorBlock>
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div aria-busy="true">
      <Skeleton animated className="skeleton-block order-head" />
      {[2, 3, 4].map((n) => (
        <div key={n} className="shop-card">
          <Skeleton.Paragraph lineCount={n} animated />
        </div>
      ))}
    </div>
  );
}
