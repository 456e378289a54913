import type { GroupCodeStats } from '@siyu/contracts';
import { Button, Card, Descriptions, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../app/page-header';
import { DayRangePicker, useDayRange } from '../../app/day-range';
import { LoadError } from '../../app/pages';
import { GroupCodeGroups, GroupCodeQr } from './group-code-parts';
import { useGroupCode, useGroupCodeStats } from './groups-api';
import { DailyChart } from '../../app/daily-chart';

type GroupRow = GroupCodeStats['groups'][number];

/** One group code's results: joins through it by day and group, leaves, members now; its QR and routing. */
export function GroupCodeStatsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { range, setRange, query } = useDayRange();
  const code = useGroupCode(id);
  const stats = useGroupCodeStats(id, query);
  if (code.isError) return <LoadError error={code.error} onRetry={() => void code.refetch()} />;
  if (stats.isError) return <LoadError error={stats.error} onRetry={() => void stats.refetch()} />;
  if (code.isPending || stats.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const s = stats.data;
  const c = code.data;
  return (
    <div>
      <PageHeader
        title={t('groupCodes.statsTitle', { name: c.name })}
        extra={<Button onClick={() => navigate('/group-codes')}>{t('groupCodes.back')}</Button>}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Space size={32} align="start" wrap>
            <GroupCodeQr code={c} size={160} />
            <Descriptions size="small" column={1} style={{ minWidth: 320 }}>
              <Descriptions.Item label={t('groupCodes.col.groups')}>
                <GroupCodeGroups code={c} />
              </Descriptions.Item>
              <Descriptions.Item label={t('groupCodes.col.cap')}>{c.memberCap}</Descriptions.Item>
              <Descriptions.Item label={t('groupCodes.col.autoCreate')}>
                {c.autoCreate ? `${c.roomBaseName ?? ''} (${c.roomBaseId ?? 1})` : t('groupCodes.autoOff')}
              </Descriptions.Item>
              <Descriptions.Item label="state">
                <Typography.Text code>{c.state}</Typography.Text>
              </Descriptions.Item>
              {c.lastError && (
                <Descriptions.Item label={t('groupCodes.lastError')}>
                  <Typography.Text type="danger">{c.lastError}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Space>
        </Card>
        <Space wrap>
          <DayRangePicker range={range} setRange={setRange} label={t('groupCodes.range')} />
          <Typography.Text type="secondary">
            {s.from} – {s.to} ({s.timeZone})
          </Typography.Text>
        </Space>
        <Card>
          <Space size={48} wrap>
            <Statistic title={t('groupCodes.figure.joins')} value={s.totals.joins} />
            <Statistic title={t('groupCodes.figure.leaves')} value={s.totals.leaves} />
            <Statistic title={t('groupCodes.figure.members')} value={s.totals.members} />
          </Space>
        </Card>
        <Card title={t('groupCodes.perDay')}>
          <DailyChart
            testId="group-code-chart"
            days={s.days.map((d) => d.date.slice(5))}
            series={[
              ...s.groups.map((g) => ({ name: g.name, type: 'bar' as const, stack: 'joins', data: g.joinsByDay })),
              {
                name: t('groupCodes.figure.leaves'),
                type: 'line' as const,
                data: s.days.map((d) => d.leaves),
                color: '#fa541c',
              },
            ]}
          />
        </Card>
        <Card title={t('groupCodes.perGroup')}>
          <Table<GroupRow>
            rowKey="groupId"
            size="small"
            pagination={false}
            dataSource={s.groups}
            locale={{ emptyText: t('groupCodes.noJoins') }}
            columns={[
              { title: t('groups.col.name'), render: (_, g) => <Link to={`/groups/${g.groupId}`}>{g.name}</Link> },
              {
                title: t('groups.col.status'),
                render: (_, g) =>
                  g.status === 'dismissed' ? (
                    <Tag>{t('groups.status.dismissed')}</Tag>
                  ) : g.onJoinWay ? (
                    <Tag color="green">{t('groupCodes.onJoinWay')}</Tag>
                  ) : g.full ? (
                    <Tag color="orange">{t('groupCodes.groupFull')}</Tag>
                  ) : (
                    <Tag color="blue">{t('groupCodes.waiting')}</Tag>
                  ),
              },
              { title: t('groupCodes.figure.members'), dataIndex: 'memberCount', align: 'right' },
              { title: t('groupCodes.figure.joins'), dataIndex: 'joins', align: 'right' },
              { title: t('groupCodes.figure.leaves'), dataIndex: 'leaves', align: 'right' },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
