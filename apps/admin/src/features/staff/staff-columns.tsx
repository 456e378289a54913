import type { Staff } from '@siyu/contracts';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { roleLabel } from '../../app/labels';
import { formatTime } from '../../app/time';

const STATUS_COLOR: Record<Staff['status'], string> = { active: 'green', invited: 'blue', disabled: 'default' };

type Ctx = {
  t: TFunction;
  selfId: string;
  timeZone: string;
  canWrite: boolean;
  onEdit: (s: Staff) => void;
  onReset: (s: Staff) => void;
  onToggle: (s: Staff, enable: boolean) => Promise<unknown>;
};

export function staffColumns(c: Ctx): TableColumnsType<Staff> {
  const { t } = c;
  const cols: TableColumnsType<Staff> = [
    {
      title: t('staff.name'),
      dataIndex: 'name',
      render: (_, s) => (
        <div>
          <Typography.Text strong>{s.name}</Typography.Text>
          {s.id === c.selfId && <Tag style={{ marginLeft: 6 }}>{t('staff.self')}</Tag>}
          {s.title && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{s.title}</div>}
        </div>
      ),
    },
    { title: t('staff.email'), dataIndex: 'email' },
    { title: t('staff.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '' },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      render: (roles: Staff['roles']) => roles.map((r) => <Tag key={r.id}>{roleLabel(r, t)}</Tag>),
    },
    {
      title: t('staff.orgUnits'),
      dataIndex: 'orgUnits',
      render: (units: Staff['orgUnits']) => units.map((u) => u.name).join('、'),
    },
    {
      title: t('staff.status'),
      dataIndex: 'status',
      render: (s: Staff['status']) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
    },
    {
      title: t('staff.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatTime(v, c.timeZone, 'YYYY-MM-DD HH:mm') : t('staff.never')),
    },
  ];
  if (!c.canWrite) return cols;
  cols.push({
    title: t('common.actions'),
    key: 'actions',
    fixed: 'right',
    render: (_, s) => {
      const isSelf = s.id === c.selfId;
      const enable = s.status === 'disabled';
      return (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => c.onEdit(s)}>
            {t('common.edit')}
          </Button>
          {!isSelf && s.status !== 'invited' && (
            <Button type="link" size="small" onClick={() => c.onReset(s)}>
              {t('staff.resetPassword')}
            </Button>
          )}
          {!isSelf && (
            <Popconfirm
              title={t(enable ? 'staff.enableConfirm' : 'staff.disableConfirm', { name: s.name })}
              okText={t(enable ? 'staff.enable' : 'staff.disable')}
              okButtonProps={{ danger: !enable }}
              cancelText={t('common.cancel')}
              onConfirm={() => c.onToggle(s, enable)}
            >
              <Button type="link" size="small" danger={!enable}>
                {t(enable ? 'staff.enable' : 'staff.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      );
    },
  });
  return cols;
}
