import type { WecomSyncRun } from '@siyu/contracts';
import { Alert, Button, Card, Col, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { formatTime } from '../../app/time';
import { isRunning, useStartSync } from './wecom-sync-api';

const KINDS = ['staff', 'tags', 'customers'] as const;
const STATUS_COLOR = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

const percent = (r: WecomSyncRun) =>
  r.status === 'done' ? 100 : r.total ? Math.min(99, Math.floor((r.done / r.total) * 100)) : isRunning(r) ? 50 : 0;

function RunProgress({ run }: { run: WecomSyncRun }) {
  const { t } = useTranslation();
  const status = run.status === 'failed' ? 'exception' : isRunning(run) ? 'active' : 'success';
  return (
    <div>
      <Progress percent={percent(run)} status={status} showInfo={run.total !== null || !isRunning(run)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('wecomSync.progress', { done: run.done, total: run.total ?? '?', failed: run.failed })}
      </Typography.Text>
    </div>
  );
}

/** One card per kind: what it does, the start button, the latest run's progress. */
export function SyncCards({ runs, canWrite }: { runs: WecomSyncRun[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const start = useStartSync();
  const showError = useShowError();
  return (
    <Row gutter={[16, 16]}>
      {KINDS.map((what) => {
        const last = runs.find((r) => r.what === what);
        return (
          <Col xs={24} md={8} key={what}>
            <Card
              title={t(`wecomSync.kind.${what}`)}
              extra={
                canWrite && (
                  <Button
                    type="primary"
                    size="small"
                    loading={(start.isPending && start.variables === what) || (last && isRunning(last))}
                    onClick={() => start.mutate(what, { onError: (e) => showError(e) })}
                  >
                    {last?.status === 'failed' && what === 'customers' ? t('wecomSync.resume') : t('wecomSync.start')}
                  </Button>
                )
              }
            >
              <Typography.Paragraph type="secondary">{t(`wecomSync.explain.${what}`)}</Typography.Paragraph>
              {last ? (
                <RunProgress run={last} />
              ) : (
                <Typography.Text type="secondary">{t('wecomSync.never')}</Typography.Text>
              )}
              {last?.error && <Alert type="error" showIcon title={last.error} style={{ marginTop: 8 }} />}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** Recent runs with their counters and the first errors. */
export function RunsTable({ runs }: { runs: WecomSyncRun[] }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const columns: TableColumnsType<WecomSyncRun> = [
    {
      title: t('wecomSync.startedAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatTime(v, tz, 'YYYY-MM-DD HH:mm'),
    },
    { title: t('wecomSync.what'), dataIndex: 'what', render: (v: WecomSyncRun['what']) => t(`wecomSync.kind.${v}`) },
    {
      title: t('wecomSync.trigger'),
      dataIndex: 'trigger',
      render: (v: WecomSyncRun['trigger']) => t(`wecomSync.triggers.${v}`),
    },
    {
      title: t('wecomSync.statusTitle'),
      dataIndex: 'status',
      render: (v: WecomSyncRun['status']) => <Tag color={STATUS_COLOR[v]}>{t(`wecomSync.status.${v}`)}</Tag>,
    },
    { title: t('wecomSync.progressTitle'), key: 'p', width: 220, render: (_, r) => <RunProgress run={r} /> },
    {
      title: t('wecomSync.stats'),
      key: 'stats',
      render: (_, r) => (
        <Space wrap size={4}>
          {Object.entries(r.stats)
            .filter(([, v]) => v !== 0)
            .map(([k, v]) => (
              <Tag key={k}>{`${t(`wecomSync.stat.${k}`, { defaultValue: k })} ${v}`}</Tag>
            ))}
        </Space>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={runs}
      pagination={false}
      locale={{ emptyText: t('wecomSync.noRuns') }}
      expandable={{
        rowExpandable: (r) => r.errors.length > 0 || r.error !== null,
        expandedRowRender: (r) => (
          <div>
            <Typography.Text strong>{t('wecomSync.errors')}</Typography.Text>
            <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
              {[...(r.error ? [{ item: '', message: r.error }] : []), ...r.errors].map((e, i) => (
                <li key={i}>
                  {e.item && <Typography.Text code>{e.item}</Typography.Text>} {e.message}
                </li>
              ))}
            </ul>
          </div>
        ),
      }}
    />
  );
}
