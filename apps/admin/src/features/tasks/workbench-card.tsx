import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useWorkbench } from './tasks-api';

/** The home page's sales workbench: my customers, tasks due today, overdue tasks. */
export function WorkbenchCard() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const bench = useWorkbench(can('customers.read'));
  if (!can('customers.read')) return null;
  const d = bench.data;
  const cell = (title: string, value: number | undefined, to: string, danger = false) => (
    <Col xs={8}>
      <Link to={to}>
        {bench.isPending ? (
          <Skeleton active paragraph={false} />
        ) : (
          <Statistic
            title={title}
            value={value ?? '–'}
            styles={{ content: danger && value ? { color: '#cf1322' } : undefined }}
          />
        )}
      </Link>
    </Col>
  );
  return (
    <Card title={t('tasks.workbench.title')} style={{ marginTop: 24 }} data-testid="workbench">
      <Row gutter={16}>
        {cell(t('tasks.workbench.customers'), d?.customers, '/customers?ownerId=me')}
        {cell(t('tasks.workbench.today'), d?.tasksToday, '/tasks')}
        {cell(t('tasks.workbench.overdue'), d?.overdue, '/tasks?view=overdue', true)}
      </Row>
    </Card>
  );
}
