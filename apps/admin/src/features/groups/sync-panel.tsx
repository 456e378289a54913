import { SyncOutlined } from '@ant-design/icons';
import type { GroupSync } from '@siyu/contracts';
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { formatTime } from '../../app/time';
import { syncRunning, useLatestSync, useStartSync } from './groups-api';

const percent = (s: GroupSync) => {
  if (s.status === 'done') return 100;
  const of = s.total ?? s.listed;
  return of ? Math.min(99, Math.floor(((s.processed + s.skipped) / of) * 100)) : 0;
};

/** The sync button and the latest sync's progress (polled while it runs). */
export function SyncPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const latest = useLatestSync();
  const start = useStartSync();
  const s = latest.data?.sync ?? null;
  const running = syncRunning(s);
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 560 }} size={4}>
      <Space wrap>
        {canWrite && (
          <Button
            icon={<SyncOutlined spin={running} />}
            loading={start.isPending}
            disabled={running}
            onClick={() => start.mutate(undefined, { onError: (e) => showError(e) })}
          >
            {running ? t('groups.sync.running') : s?.error ? t('groups.sync.resume') : t('groups.sync.start')}
          </Button>
        )}
        {s?.status === 'done' && (
          <Typography.Text type="secondary">
            {t('groups.sync.doneAt', { at: formatTime(s.finishedAt, tz, 'YYYY-MM-DD HH:mm'), count: s.processed })}
            {s.dismissed > 0 && ` ${t('groups.sync.dismissed', { count: s.dismissed })}`}
          </Typography.Text>
        )}
        {!s && <Typography.Text type="secondary">{t('groups.sync.never')}</Typography.Text>}
      </Space>
      {s && s.status !== 'done' && (
        <div data-testid="group-sync-progress">
          <Progress percent={percent(s)} status={s.error || s.status === 'failed' ? 'exception' : 'active'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('groups.sync.progress', { done: s.processed, total: s.total ?? (s.listed ? `${s.listed}+` : '?') })}
          </Typography.Text>
        </div>
      )}
      {s?.error && <Alert type="error" showIcon title={t('groups.sync.failed', { error: s.error })} />}
    </Space>
  );
}
