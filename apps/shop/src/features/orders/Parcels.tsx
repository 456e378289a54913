import type { Order } from '@siyu/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/dates';
import { unitsToShip } from './order-status';

/** The parcels of an order (包裹 1, 2 …): carrier, tracking number, when, and what is in each. */
export function Parcels({ order, language }: { order: Order; language: string }) {
  const { t } = useTranslation();
  if (!order.shipments.length) return null;
  const left = order.status === 'paid' ? unitsToShip(order) : 0;
  return (
    <section className="shop-card" data-testid="order-parcels">
      <h2 className="section-title order-detail__section">
        {t('orders.parcels.title', { count: order.shipments.length })}
      </h2>
      {order.shipments.map((p, i) => (
        <div key={p.id} className="order-parcel" data-testid="order-parcel" data-tracking={p.trackingNo}>
          <div className="order-parcel__head">
            <strong>{t('orders.parcels.one', { n: i + 1 })}</strong>
            <span className="shop-muted">{formatDateTime(p.shippedAt, language)}</span>
          </div>
          <div>{t('orders.tracking', { carrier: p.carrier, no: p.trackingNo })}</div>
          <div className="shop-muted">{p.lines.map((l) => `${l.title} ×${l.quantity}`).join('，')}</div>
        </div>
      ))}
      {left > 0 && (
        <p className="order-parcel__left" data-testid="order-parcels-left">
          {t('orders.parcels.left', { count: left })}
        </p>
      )}
    </section>
  );
}
