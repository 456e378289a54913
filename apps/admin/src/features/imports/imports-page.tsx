import type { ImportJob } from '@siyu/contracts';
import { Button, Empty, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth, useSession } from '../../app/auth';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { ExportsTab } from './exports-tab';
import { ImportWizard, type WizardState } from './import-wizard';
import { jobColumns } from './job-columns';
import { useImports } from './jobs-api';

export function ImportsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [sp, setSp] = useSearchParams();
  const canImport = can('customers.import');
  const canExport = can('customers.export');
  const tab = (sp.get('tab') === 'exports' || !canImport) && canExport ? 'exports' : 'imports';
  const items = [
    ...(canImport ? [{ key: 'imports', label: t('imports.importsTab'), children: <ImportsTab /> }] : []),
    ...(canExport ? [{ key: 'exports', label: t('imports.exportsTab'), children: <ExportsTab /> }] : []),
  ];
  return (
    <div>
      <PageHeader title={t('imports.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'exports' ? { tab: 'exports' } : {}, { replace: true })}
        items={items}
      />
    </div>
  );
}

function ImportsTab() {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const [state, setState] = useState<WizardState>({ step: 'upload' });
  const list = useImports();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const open = (j: ImportJob) =>
    setState(
      j.mapping === null && j.status === 'queued' ? { step: 'mapping', job: j } : { step: 'progress', jobId: j.id },
    );
  const columns = [
    ...jobColumns<ImportJob>(t, tz),
    {
      title: t('common.actions'),
      key: 'a',
      render: (_: unknown, j: ImportJob) => (
        <Button type="link" size="small" onClick={() => open(j)}>
          {j.mapping === null && j.status === 'queued' ? t('imports.list.continue') : t('common.view')}
        </Button>
      ),
    },
  ];
  return (
    <div>
      <ImportWizard state={state} onChange={setState} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('imports.list.recentImports')}
      </Typography.Title>
      <Table<ImportJob>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('imports.list.noImports')} /> }}
      />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void list.fetchNextPage()}
      />
    </div>
  );
}
