import type { LandingPage } from '@siyu/contracts';
import { Alert, Col, Drawer, Empty, Row, Spin, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { DayRangePicker, useDayRange } from '../../app/day-range';
import { LoadError } from '../../app/pages';
import { useLandingStats } from './landing-api';
import { DailyChart } from '../../app/daily-chart';

const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(1)}%` : '—');

/** Visits, unique visitors, adds and estimated conversions of one page, per day and per code shown. */
export function LandingStats({ page, onClose }: { page: LandingPage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { range, setRange, query } = useDayRange();
  const stats = useLandingStats(page?.id ?? null, query);
  const s = stats.data;
  return (
    <Drawer
      open={!!page}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={page ? t('landing.stats.title', { name: page.title }) : ''}
      extra={<DayRangePicker range={range} setRange={setRange} />}
    >
      {stats.isPending && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {stats.isError && <LoadError error={stats.error} onRetry={() => void stats.refetch()} />}
      {s && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={5}>
              <Statistic title={t('landing.stats.visits')} value={s.totals.visits} />
            </Col>
            <Col span={5}>
              <Statistic title={t('landing.stats.uniqueVisitors')} value={s.totals.uniqueVisitors} />
            </Col>
            {page?.kind === 'nearest_store' && (
              <Col span={4}>
                <Statistic title={t('landing.stats.located')} value={s.totals.located} />
              </Col>
            )}
            <Col span={5}>
              <Statistic title={t('landing.stats.conversions')} value={s.totals.conversions} />
            </Col>
            <Col span={5}>
              <Statistic title={t('landing.stats.conversionRate')} value={pct(s.totals.conversions, s.totals.visits)} />
            </Col>
          </Row>
          {s.totals.visits === 0 ? (
            <Empty description={t('landing.stats.empty')} />
          ) : (
            <>
              <DailyChart
                testId="landing-chart"
                height={280}
                days={s.days.map((d) => d.date.slice(5))}
                series={[
                  {
                    name: t('landing.stats.visits'),
                    type: 'bar',
                    data: s.days.map((d) => d.visits),
                    color: '#91caff',
                  },
                  { name: t('landing.stats.adds'), type: 'line', data: s.days.map((d) => d.adds), color: '#faad14' },
                  {
                    name: t('landing.stats.conversions'),
                    type: 'line',
                    data: s.days.map((d) => d.conversions),
                    color: '#52c41a',
                  },
                ]}
              />
              <h3 style={{ marginTop: 16 }}>{t('landing.stats.perCode')}</h3>
              <Table
                rowKey="codeId"
                size="small"
                pagination={false}
                dataSource={s.codes}
                columns={[
                  {
                    title: t('landing.stats.code'),
                    dataIndex: 'name',
                    render: (v: string | null) => v ?? t('landing.codeMissing'),
                  },
                  { title: t('landing.stats.store'), dataIndex: 'storeName', render: (v: string | null) => v ?? '—' },
                  { title: t('landing.stats.visits'), dataIndex: 'visits', align: 'right' },
                  { title: t('landing.stats.adds'), dataIndex: 'adds', align: 'right' },
                  { title: t('landing.stats.conversions'), dataIndex: 'conversions', align: 'right' },
                ]}
              />
            </>
          )}
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('landing.stats.definition')} />
        </>
      )}
    </Drawer>
  );
}
