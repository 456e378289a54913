import { DownloadOutlined } from '@ant-design/icons';
import { dataJobRoutes, fillPath, type ImportJob } from '@siyu/contracts';
import { Alert, Button, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '../../app/pages';
import { ImportErrors } from './import-errors';
import { apiUrl, isRunning, percent, useImport } from './jobs-api';

/** Step 3: the running import's progress (polled), then its results and the rows that failed. */
export function ImportProgress({ jobId, onAgain }: { jobId: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useImport(jobId);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const job: ImportJob | undefined = q.data;
  if (!job) return <Progress percent={0} status="active" />;
  const running = isRunning(job);
  const status = job.status === 'failed' ? 'exception' : running ? 'active' : job.failed > 0 ? 'normal' : 'success';

  return (
    <div data-testid="import-progress">
      <Typography.Paragraph>
        <Typography.Text strong>{job.fileName}</Typography.Text> {t(`imports.status.${job.status}`)}
        {running && job.total ? ` · ${job.processed} / ${job.total}` : ''}
      </Typography.Paragraph>
      <Progress percent={percent(job)} status={status} aria-label={t('imports.progress')} />
      {job.error && <Alert type="error" showIcon title={job.error} style={{ marginTop: 12 }} />}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={12} md={5}>
          <Statistic title={t('imports.stats.total')} value={job.total ?? '–'} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('imports.stats.created')} value={job.stats.created} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('imports.stats.updated')} value={job.stats.updated} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('imports.stats.unchanged')} value={job.stats.unchanged} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('imports.stats.failed')}
            value={job.failed}
            styles={{ content: job.failed ? { color: '#cf1322' } : undefined }}
          />
        </Col>
      </Row>
      {!running && (
        <Space style={{ marginTop: 16 }} wrap>
          <Button type="primary" onClick={() => navigate('/customers')}>
            {t('imports.viewCustomers')}
          </Button>
          <Button onClick={onAgain}>{t('imports.again')}</Button>
          {job.failed > 0 && (
            <Button
              icon={<DownloadOutlined />}
              href={apiUrl(fillPath(dataJobRoutes.importErrorsCsv.path, { id: job.id }))}
              download
            >
              {t('imports.errors.download')}
            </Button>
          )}
        </Space>
      )}
      {!running && job.failed > 0 && <ImportErrors jobId={job.id} />}
    </div>
  );
}
