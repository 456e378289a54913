import { DownloadOutlined } from '@ant-design/icons';
import { dataJobRoutes, type ExportJob, fillPath } from '@siyu/contracts';
import { Button, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/auth';
import { LoadMore } from '../../app/load-more';
import { jobColumns } from './job-columns';
import { apiUrl, useExports } from './jobs-api';

/** Exports made from the customer list: progress while running, then the file. */
export function ExportsTab() {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const navigate = useNavigate();
  const list = useExports();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const href = (j: ExportJob) => j.downloadUrl ?? apiUrl(fillPath(dataJobRoutes.downloadExport.path, { id: j.id }));
  const columns = [
    ...jobColumns<ExportJob>(t, tz),
    {
      title: t('common.actions'),
      key: 'a',
      render: (_: unknown, j: ExportJob) =>
        j.status === 'done' && (
          <Button type="link" size="small" icon={<DownloadOutlined />} href={href(j)} download>
            {t('imports.export.download')}
          </Button>
        ),
    },
  ];
  return (
    <div>
      <Table<ExportJob>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={t('imports.export.empty')}>
              <Button type="primary" onClick={() => navigate('/customers')}>
                {t('imports.export.goCustomers')}
              </Button>
            </Empty>
          ),
        }}
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
