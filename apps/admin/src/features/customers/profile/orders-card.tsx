import type { Customer } from '@siyu/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth';
import { formatTime } from '../../../app/time';
import { formatFen } from '../format';

/** What the customer bought, from the profile's own counters (fed by orders). */
export function OrdersCard({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  return (
    <Card title={t('customers.ordersCard.title')} size="small" data-testid="orders-card">
      <Row gutter={8}>
        <Col span={8}>
          <Statistic title={t('customers.orders')} value={c.orderCount} />
        </Col>
        <Col span={16}>
          <Statistic title={t('customers.spent')} value={formatFen(c.totalSpent)} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {c.lastOrderAt
          ? t('customers.ordersCard.last', { time: formatTime(c.lastOrderAt, tz, 'YYYY-MM-DD HH:mm') })
          : t('customers.ordersCard.none')}
      </Typography.Paragraph>
    </Card>
  );
}
