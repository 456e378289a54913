import { Progress, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatTime } from '../../app/time';
import { isRunning, percent } from './jobs-api';

type Job = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  fileName: string | null;
  format: string;
  total: number | null;
  processed: number;
  succeeded: number;
  failed: number;
  createdAt: string;
};

const STATUS_COLOR = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

/** Columns shared by the imports and exports lists. */
export function jobColumns<J extends Job>(t: TFunction, tz: string): TableColumnsType<J> {
  return [
    {
      title: t('imports.list.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatTime(v, tz, 'YYYY-MM-DD HH:mm'),
    },
    { title: t('imports.list.file'), key: 'file', render: (_, j) => j.fileName ?? j.format.toUpperCase() },
    {
      title: t('imports.list.status'),
      dataIndex: 'status',
      render: (s: Job['status']) => <Tag color={STATUS_COLOR[s]}>{t(`imports.status.${s}`)}</Tag>,
    },
    {
      title: t('imports.progress'),
      key: 'progress',
      width: 200,
      render: (_, j) => (
        <Progress
          size="small"
          percent={percent(j)}
          status={j.status === 'failed' ? 'exception' : isRunning(j) ? 'active' : undefined}
          aria-label={t('imports.progress')}
        />
      ),
    },
    { title: t('imports.list.total'), dataIndex: 'total', align: 'right', render: (v: number | null) => v ?? '–' },
    { title: t('imports.list.succeeded'), dataIndex: 'succeeded', align: 'right' },
    {
      title: t('imports.list.failed'),
      dataIndex: 'failed',
      align: 'right',
      render: (v: number) => (v ? <span style={{ color: '#cf1322' }}>{v}</span> : 0),
    },
  ];
}
