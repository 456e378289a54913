import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Result, Row, Skeleton, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { LoadError } from '../../../app/pages';
import { useCustomer } from '../customers-api';
import { AttributesCard } from './attributes-card';
import { ConsentsCard } from './consents-card';
import { IdentitiesTab } from './identities-tab';
import { MergesTab } from './merges-tab';
import { OrdersCard } from './orders-card';
import { OwnersTab } from './owners-tab';
import { ProfileHeader } from './profile-header';
import { TimelineTab } from './timeline-tab';
import { profileExtraTabs } from './profile-extra-tabs';

export function CustomerProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useCustomer(id);

  if (q.isPending) return <Skeleton active avatar paragraph={{ rows: 8 }} />;
  if (q.isError) {
    if (isApiError(q.error) && q.error.status === 404)
      return (
        <Result
          status="404"
          title={t('customers.profile.notFound')}
          subTitle={t('customers.profile.notFoundHint')}
          extra={
            <Button type="primary" onClick={() => navigate('/customers')}>
              {t('customers.backToList')}
            </Button>
          }
        />
      );
    return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const c = q.data;
  const tabs: { key: string; label: string; children: ReactNode }[] = [
    { key: 'timeline', label: t('customers.timeline.title'), children: <TimelineTab customerId={c.id} /> },
    ...profileExtraTabs(c, t),
    { key: 'identities', label: t('customers.identities.title'), children: <IdentitiesTab customer={c} /> },
    { key: 'owners', label: t('customers.owners.title'), children: <OwnersTab customer={c} /> },
    { key: 'merges', label: t('customers.merges.title'), children: <MergesTab customer={c} /> },
  ];

  return (
    <div>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(-1)}
        style={{ paddingLeft: 0, marginBottom: 8 }}
      >
        {t('customers.backToList')}
      </Button>
      {c.erased && (
        <Alert type="warning" showIcon title={t('customers.erase.erasedBanner')} style={{ marginBottom: 16 }} />
      )}
      <ProfileHeader customer={c} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <div style={{ background: '#fff', borderRadius: 8, padding: '0 16px 16px' }}>
            <Tabs items={tabs} destroyOnHidden />
          </div>
        </Col>
        <Col xs={24} xl={8} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <OrdersCard customer={c} />
          <AttributesCard customer={c} />
          <ConsentsCard customer={c} />
        </Col>
      </Row>
    </div>
  );
}
