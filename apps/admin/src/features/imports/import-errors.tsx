import { dataJobRoutes } from '@siyu/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { LoadMore } from '../../app/load-more';
import { issueText } from '../../app/validation';
import { jobKeys } from './jobs-api';

type ErrorRow = { rowNo: number; errors: { field: string; message: string }[]; raw: Record<string, unknown> };

/** The rows that were not imported: row number, which field and why, and the row as it was. */
export function ImportErrors({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: jobKeys.errors(jobId),
    queryFn: ({ pageParam }) =>
      call(dataJobRoutes.importErrors, { params: { id: jobId }, query: { cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows: ErrorRow[] = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('imports.errors.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.errors.help')}</Typography.Paragraph>
      <Table<ErrorRow>
        rowKey="rowNo"
        size="small"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('imports.errors.row'), dataIndex: 'rowNo', width: 80 },
          {
            title: t('imports.errors.problems'),
            dataIndex: 'errors',
            render: (errs: ErrorRow['errors']) => (
              <div>
                {errs.map((e) => (
                  <div key={`${e.field}:${e.message}`}>
                    <Typography.Text type="danger">{e.field}</Typography.Text>：{issueText({ message: e.message }, t)}
                  </div>
                ))}
              </div>
            ),
          },
          {
            title: t('imports.errors.raw'),
            dataIndex: 'raw',
            render: (raw: ErrorRow['raw']) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {Object.entries(raw)
                  .map(([k, v]) => `${k}: ${String(v ?? '')}`)
                  .join('；')}
              </Typography.Text>
            ),
          },
        ]}
      />
      <LoadMore
        hasMore={!!q.hasNextPage}
        loading={q.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void q.fetchNextPage()}
      />
    </div>
  );
}
