import { ORDER_LIMITS } from '@siyu/contracts';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/auth';
import '../../app/time';
import { PageHeader } from '../../app/page-header';
import { DailyChart, type DailySeries } from '../../app/daily-chart';
import { LoadError } from '../../app/pages';
import { fenToYuanText, formatFen } from '../catalog/money';
import { useOrderStats } from './orders-api';

const DAY = 'YYYY-MM-DD';

export function OrderStatsPage() {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const [sp, setSp] = useSearchParams();
  const today = dayjs().tz(tz).format(DAY);
  const to = sp.get('to') ?? today;
  const from = sp.get('from') ?? dayjs(to).subtract(29, 'day').format(DAY);
  const span = dayjs(to).diff(dayjs(from), 'day') + 1;
  const tooLong = span > ORDER_LIMITS.statsDays || span < 1;
  const stats = useOrderStats(from, to);
  const setRange = (a: Dayjs, b: Dayjs) => setSp({ from: a.format(DAY), to: b.format(DAY) }, { replace: true });
  const last = (n: number) => setRange(dayjs(today).subtract(n - 1, 'day'), dayjs(today));

  const days = stats.data?.days ?? [];
  const totals = useMemo(() => {
    const orders = days.reduce((s, d) => s + d.orders, 0);
    const gmv = days.reduce((s, d) => s + d.gmv, 0);
    return { orders, gmv, aov: orders ? Math.round(gmv / orders) : 0 };
  }, [days]);
  const series = useMemo<DailySeries[]>(
    () => [
      { name: t('orders.stats.orders'), type: 'bar', data: days.map((d) => d.orders), color: '#91caff' },
      {
        name: t('orders.stats.gmv'),
        type: 'line',
        data: days.map((d) => Number(fenToYuanText(d.gmv))),
        color: '#1677ff',
        right: true,
      },
    ],
    [days, t],
  );
  const chartDays = useMemo(() => days.map((d) => d.day.slice(5)), [days]);

  return (
    <div>
      <PageHeader title={t('orders.stats.title')} />
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker.RangePicker
          aria-label={t('orders.stats.range')}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
          onChange={(r) => r?.[0] && r[1] && setRange(r[0], r[1])}
        />
        <Button onClick={() => last(7)}>{t('orders.stats.last7')}</Button>
        <Button onClick={() => last(30)}>{t('orders.stats.last30')}</Button>
        <Button onClick={() => last(90)}>{t('orders.stats.last90')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('orders.stats.rangeHint', { tz: stats.data?.timeZone ?? tz, days: ORDER_LIMITS.statsDays })}
      </Typography.Paragraph>
      {tooLong ? (
        <Alert type="warning" showIcon title={t('orders.stats.tooLong', { days: ORDER_LIMITS.statsDays })} />
      ) : stats.isError ? (
        <LoadError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('orders.stats.orders')} value={totals.orders} loading={stats.isPending} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('orders.stats.gmv')} value={formatFen(totals.gmv)} loading={stats.isPending} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('orders.stats.aov')} value={formatFen(totals.aov)} loading={stats.isPending} />
              </Card>
            </Col>
          </Row>
          {!stats.isPending && totals.orders === 0 && (
            <Alert type="info" showIcon title={t('orders.stats.empty')} style={{ marginBottom: 16 }} />
          )}
          <Card size="small" style={{ marginBottom: 16 }}>
            <DailyChart days={chartDays} series={series} rightAxisFormat="¥{value}" testId="stats-chart" />
          </Card>
          <Table
            rowKey="day"
            size="small"
            loading={stats.isFetching}
            pagination={false}
            dataSource={[...days].reverse()}
            columns={[
              { title: t('orders.stats.day'), dataIndex: 'day' },
              { title: t('orders.stats.orders'), dataIndex: 'orders', align: 'right' },
              { title: t('orders.stats.gmv'), dataIndex: 'gmv', align: 'right', render: (v: number) => formatFen(v) },
              { title: t('orders.stats.aov'), dataIndex: 'aov', align: 'right', render: (v: number) => formatFen(v) },
              { title: t('orders.stats.payingCustomers'), dataIndex: 'payingCustomers', align: 'right' },
            ]}
          />
        </>
      )}
    </div>
  );
}
