import { EditOutlined } from '@ant-design/icons';
import type { Customer } from '@siyu/contracts';
import { Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useSession } from '../../../app/auth';
import { formatTime } from '../../../app/time';
import { customText } from '../custom-field-input';
import { CustomerFormDrawer } from '../customer-form-drawer';
import { useCustomFields } from '../customers-api';

const dash = (v: string | null | undefined) => v || '—';

/** Attributes, custom fields and first/last touch, with an edit drawer. */
export function AttributesCard({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const tz = useSession().settings.timeZone;
  const [editing, setEditing] = useState(false);
  const fields = useCustomFields();
  const place = [c.province, c.city, c.district].filter(Boolean).join(' ');
  const touch = (x: Customer['firstTouch']) => (x ? `${x.channel} · ${formatTime(x.at, tz, 'YYYY-MM-DD HH:mm')}` : '—');

  return (
    <Card
      title={t('customers.attributes')}
      size="small"
      extra={
        can('customers.write') &&
        !c.erased && (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('customers.editTitle')}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('customers.gender')}>{t(`customers.genders.${c.gender}`)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.birthday')}>
          {dash(c.birthday)}
          {c.lunarBirthday ? `（${t('customers.lunar')} ${c.lunarBirthday}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.email')}>{dash(c.email)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.region')}>{dash(place)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.firstTouch')}>{touch(c.firstTouch)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.lastTouch')}>{touch(c.lastTouch)}</Descriptions.Item>
        {(fields.data ?? []).map((d) => (
          <Descriptions.Item key={d.id} label={d.label}>
            {dash(customText(c.custom[d.key]))}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <CustomerFormDrawer open={editing} customer={c} onClose={() => setEditing(false)} />
    </Card>
  );
}
