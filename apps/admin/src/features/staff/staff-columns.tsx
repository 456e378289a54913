import type { Staff } from '@siyu/contracts';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatTime } from '../../app/time';

const STATUS_COLOR: Record<Staff['status'], string> = { active: 'green', invited: 'blue', disabled: 'default' };

type Ctx = {
  t: TFunction;
  selfId: string;
  timeZone: string;
  canWrite: boolean;
  /** Role and org names need roles.read / org.read; without them those columns are left out. */
  showRoles: boolean;
  showOrgUnits: boolean;
  roleName: (id: string) => string;
  orgName: (id: string) => string;
  onEdit: (s: Staff) => void;
  onReset: (s: Staff) => void;
  onToggle: (s: Staff, enable: boolean) => Promise<unknown>;
};

export function staffColumns(c: Ctx): TableColumnsType<Staff> {
  const { t } = c;
  const all: (TableColumnsType<Staff>[number] | false)[] = [
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
    c.showRoles && {
      title: t('staff.roles'),
      dataIndex: 'roleIds',
      render: (ids: string[]) => ids.map((id) => <Tag key={id}>{c.roleName(id)}</Tag>),
    },
    c.showOrgUnits && {
      title: t('staff.orgUnits'),
      dataIndex: 'orgUnitIds',
      render: (ids: string[]) => ids.map(c.orgName).join('、'),
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
  const cols = all.filter((col) => col !== false);
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
