import { Card, Empty, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { MembersTable } from './members-table';
import { RunsTable, SyncCards } from './sync-runs';
import { useWecomMembers, useWecomSyncRuns } from './wecom-sync-api';

/** 企微同步: staff ↔ WeCom member links, and the staff / tags / customers syncs with their progress. */
export function WecomSyncPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('channels.write');
  const members = useWecomMembers();
  const runs = useWecomSyncRuns();
  if (members.isPending || runs.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (members.isError) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;
  if (runs.isError) return <LoadError error={runs.error} onRetry={() => void runs.refetch()} />;
  if (!members.data.configured)
    return (
      <div>
        <PageHeader title={t('wecomSync.title')} />
        <Empty description={<Link to="/wecom-settings">{t('wecomSync.notConfigured')}</Link>} />
      </div>
    );
  const unlinked = members.data.items.filter((m) => !m.staffId && m.present).length;
  return (
    <div>
      <PageHeader title={t('wecomSync.title')} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        {t('wecomSync.intro')}
      </Typography.Paragraph>
      <SyncCards runs={runs.data.items} canWrite={canWrite} />
      <Card
        title={t('wecomSync.membersTitle')}
        extra={
          unlinked > 0 && (
            <Typography.Text type="warning">{t('wecomSync.unlinkedCount', { n: unlinked })}</Typography.Text>
          )
        }
        style={{ marginTop: 16 }}
      >
        <MembersTable items={members.data.items} canWrite={canWrite} />
      </Card>
      <Card title={t('wecomSync.runsTitle')} style={{ marginTop: 16 }}>
        <RunsTable runs={runs.data.items} />
      </Card>
    </div>
  );
}
