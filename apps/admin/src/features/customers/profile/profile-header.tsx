import type { Customer } from '@siyu/contracts';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth';
import { formatTime } from '../../../app/time';
import { CustomerAvatar, TagList } from '../customer-columns';
import { customerName, STAGE_COLOR } from '../format';
import { ActionsMenu } from './actions-menu';
import { CustomerTagsButton } from './customer-tags-button';

/** Who this is at a glance: avatar, name, stage, tags, owner; the actions menu on the right. */
export function ProfileHeader({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const session = useSession();
  const tz = session.settings.timeZone;
  return (
    <div
      style={{
        background: '#fff',
        borderRadius: 8,
        padding: 20,
        display: 'flex',
        gap: 20,
        alignItems: 'flex-start',
        flexWrap: 'wrap',
      }}
    >
      <CustomerAvatar c={c} size={72} />
      <div style={{ flex: 1, minWidth: 260 }}>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
            {customerName(c, t)}
          </Typography.Title>
          {c.name && c.nickname && <Typography.Text type="secondary">（{c.nickname}）</Typography.Text>}
          <Tag color={STAGE_COLOR[c.stage]}>{t(`customers.stages.${c.stage}`)}</Tag>
        </Space>
        <div style={{ margin: '8px 0' }}>
          <TagList tags={c.tags} max={20} />
          <CustomerTagsButton customer={c} />
        </div>
        <Descriptions size="small" column={{ xs: 1, md: 2, xxl: 4 }}>
          <Descriptions.Item label={t('customers.owner')}>
            {c.primaryOwner?.name ?? t('customers.noOwner')}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.phone')}>{c.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.store')}>{c.store?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.sourceChannel')}>{c.sourceChannel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.createdAt')}>
            {formatTime(c.createdAt, tz, 'YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.lastActive')}>
            {c.lastActiveAt ? formatTime(c.lastActiveAt, tz, 'YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </div>
      <ActionsMenu customer={c} />
    </div>
  );
}
