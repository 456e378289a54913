import type { LiveCodeStats } from '@siyu/contracts';
import { Button, Card, Descriptions, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../app/page-header';
import { DayRangePicker, useDayRange } from '../../app/day-range';
import { LoadError } from '../../app/pages';
import { DailyChart } from '../../app/daily-chart';
import { useLiveCode, useLiveCodeStats } from './live-codes-api';
import { QrMenu } from './qr-menu';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
type StaffRow = LiveCodeStats['staff'][number];

/** One live code's results: adds, losses, net adds, first orders and GMV per day and per staff member. */
export function LiveCodeStatsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { range, setRange, query } = useDayRange();
  const code = useLiveCode(id);
  const stats = useLiveCodeStats(id, query);
  if (code.isError) return <LoadError error={code.error} onRetry={() => void code.refetch()} />;
  if (stats.isError) return <LoadError error={stats.error} onRetry={() => void stats.refetch()} />;
  if (code.isPending || stats.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const s = stats.data;
  const figures = ['adds', 'losses', 'netAdds', 'firstOrders'] as const;
  return (
    <div>
      <PageHeader
        title={t('liveCodes.statsTitle', { name: code.data.name })}
        extra={
          <>
            <QrMenu id={id} disabled={!code.data.qrCodeUrl} />
            <Button onClick={() => navigate('/live-codes')}>{t('liveCodes.back')}</Button>
          </>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space wrap>
          <DayRangePicker range={range} setRange={setRange} label={t('liveCodes.range')} />
          <Typography.Text type="secondary">
            {s.from} – {s.to} ({s.timeZone})
          </Typography.Text>
        </Space>
        <Card>
          <Space size={48} wrap>
            {figures.map((f) => (
              <Statistic key={f} title={t(`liveCodes.figure.${f}`)} value={s.totals[f]} />
            ))}
            <Statistic title={t('liveCodes.figure.gmv')} value={yuan(s.totals.gmvFen)} />
          </Space>
        </Card>
        <Card title={t('liveCodes.perDay')}>
          <DailyChart
            testId="live-code-chart"
            days={s.days.map((d) => d.date.slice(5))}
            series={[
              { name: t('liveCodes.figure.adds'), type: 'bar', data: s.days.map((d) => d.adds), color: '#91caff' },
              {
                name: t('liveCodes.figure.netAdds'),
                type: 'line',
                data: s.days.map((d) => d.netAdds),
                color: '#1677ff',
              },
              {
                name: t('liveCodes.figure.firstOrders'),
                type: 'line',
                data: s.days.map((d) => d.firstOrders),
                color: '#fa8c16',
              },
            ]}
          />
        </Card>
        <Card title={t('liveCodes.perStaff')}>
          <Table<StaffRow>
            rowKey="wecomUserId"
            size="small"
            pagination={false}
            dataSource={s.staff}
            columns={[
              { title: t('liveCodes.col.staff'), render: (_, r) => r.staffName ?? r.wecomUserId },
              ...figures.map((f) => ({ title: t(`liveCodes.figure.${f}`), dataIndex: f, align: 'right' as const })),
              { title: t('liveCodes.figure.gmv'), align: 'right', render: (_, r) => yuan(r.gmvFen) },
            ]}
          />
        </Card>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="state">
            <Typography.Text code>{code.data.state}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('liveCodes.currentMembers')}>
            {code.data.currentWecomUserIds
              .map((u) => code.data.members.find((m) => m.wecomUserId === u)?.staffName ?? u)
              .join('、') || '—'}{' '}
            ({t(`liveCodes.routing.${code.data.routing}`)})
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </div>
  );
}
