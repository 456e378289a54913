import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { shopPath, useSlug } from '../../app/useSlug';
import { CountBadge } from './CountBadge';
import { BADGED, ORDER_TABS, useOrderCounts } from './orders-api';
import './orders.css';

/** On 我的: 我的订单 with a shortcut per status (with the number waiting), and 收货地址. */
export function MeShortcuts() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const counts = useOrderCounts(slug);
  return (
    <>
      <List className="shop-section" mode="card">
        <List.Item onClick={() => navigate(shopPath(slug, 'orders'))} extra={t('orders.all')} data-testid="me-orders">
          {t('orders.title')}
        </List.Item>
        <div className="me-orders">
          {ORDER_TABS.filter((x) => x.status).map((x) => (
            <Link key={x.key} to={shopPath(slug, `orders?status=${x.key}`)} className="me-orders__item">
              <CountBadge
                count={x.status && BADGED.has(x.status) ? counts.data?.counts[x.status] : 0}
                testId={`me-orders-${x.key}`}
              >
                {t(`orders.tabs.${x.key}`)}
              </CountBadge>
            </Link>
          ))}
        </div>
      </List>
      <List className="shop-section" mode="card">
        <List.Item onClick={() => navigate(shopPath(slug, 'me/addresses'))} data-testid="me-addresses">
          {t('address.title')}
        </List.Item>
      </List>
    </>
  );
}
