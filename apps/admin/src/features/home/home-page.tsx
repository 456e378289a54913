import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useOrgUnits, useRoles, useStaffOptions } from '../../api/queries';
import { useAuth, useSession } from '../../app/auth';
import { WorkbenchCard } from '../tasks/workbench-card';

type Step = { key: string; title: string; desc: string; action: string; to: string; done: boolean; allowed: boolean };

function CountCard({ title, value, loading, to }: { title: string; value: ReactNode; loading: boolean; to?: string }) {
  const body = (
    <Card hoverable={!!to}>
      {loading ? <Skeleton active paragraph={false} /> : <Statistic title={title} value={value as string} />}
    </Card>
  );
  return (
    <Col xs={12} md={6}>
      {to ? <Link to={to}>{body}</Link> : body}
    </Col>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = useAuth();
  const navigate = useNavigate();
  const staff = useStaffOptions(can('staff.read'));
  const roles = useRoles(can('roles.read'));
  const org = useOrgUnits(can('org.read'));

  const staffCount = staff.data ? `${staff.data.items.length}${staff.data.nextCursor ? '+' : ''}` : '–';
  const units = org.data?.items ?? [];
  const stores = units.filter((u) => u.kind === 'store').length;
  const departments = units.length - stores;

  const steps: Step[] = [
    {
      key: 'stores',
      title: t('home.stepStores'),
      desc: t('home.stepStoresDesc'),
      action: t('home.stepStoresAction'),
      to: '/org',
      done: stores > 0,
      allowed: can('org.write'),
    },
    {
      key: 'staff',
      title: t('home.stepStaff'),
      desc: t('home.stepStaffDesc'),
      action: t('home.stepStaffAction'),
      to: '/staff',
      done: (staff.data?.items.length ?? 0) > 1,
      allowed: can('staff.write'),
    },
    {
      key: 'logo',
      title: t('home.stepLogo'),
      desc: t('home.stepLogoDesc'),
      action: t('home.stepLogoAction'),
      to: '/settings',
      done: !!session.settings.logoUrl,
      allowed: can('settings.write'),
    },
  ];
  const visibleSteps = steps.filter((s) => s.allowed);
  const allDone = visibleSteps.every((s) => s.done);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: session.staff.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.tenant', { tenant: session.tenant.name })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {can('staff.read') && (
          <CountCard title={t('home.staff')} value={staffCount} loading={staff.isPending} to="/staff" />
        )}
        {can('roles.read') && (
          <CountCard
            title={t('home.roles')}
            value={roles.data?.items.length ?? '–'}
            loading={roles.isPending}
            to="/roles"
          />
        )}
        {can('org.read') && <CountCard title={t('home.stores')} value={stores} loading={org.isPending} to="/org" />}
        {can('org.read') && (
          <CountCard title={t('home.departments')} value={departments} loading={org.isPending} to="/org" />
        )}
      </Row>
      <WorkbenchCard />
      {visibleSteps.length > 0 && !allDone && (
        <Card title={t('home.checklistTitle')} style={{ marginTop: 24 }}>
          <Typography.Paragraph type="secondary">{t('home.checklistHint')}</Typography.Paragraph>
          {visibleSteps.map((s) => (
            <div
              key={s.key}
              data-testid={`step-${s.key}`}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 16,
                padding: '12px 0',
                borderTop: '1px solid #f0f0f0',
              }}
            >
              {s.done ? (
                <CheckCircleFilled style={{ fontSize: 22, color: '#52c41a' }} />
              ) : (
                <ClockCircleOutlined style={{ fontSize: 22, color: '#bfbfbf' }} />
              )}
              <div style={{ flex: 1 }}>
                <Typography.Text strong delete={s.done}>
                  {s.title}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">{s.desc}</Typography.Text>
                </div>
              </div>
              {s.done ? (
                <Tag color="success">{t('home.done')}</Tag>
              ) : (
                <Button type="primary" onClick={() => navigate(s.to)}>
                  {s.action}
                </Button>
              )}
            </div>
          ))}
        </Card>
      )}
    </div>
  );
}
