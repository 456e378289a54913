import { PlusOutlined } from '@ant-design/icons';
import type { Staff } from '@siyu/contracts';
import { App, Button, Empty, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { type ShownOnce, ShownOnceModal } from '../../app/shown-once-modal';
import { LoadMore } from '../../app/load-more';
import { type StaffFilters as Filters, useStaffList, useToggleStaff } from './staff-api';
import { staffColumns } from './staff-columns';
import { StaffFilters } from './staff-filters';
import { StaffFormDrawer } from './staff-form-drawer';
import { ResetPasswordModal } from './reset-password-modal';

type Editing = { staff?: Staff } | null;

export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const { can } = useAuth();
  const showError = useShowError();
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [shown, setShown] = useState<ShownOnce | null>(null);
  const list = useStaffList(filters);
  const toggle = useToggleStaff();
  const canWrite = can('staff.write');

  const columns = useMemo(() => {
    return staffColumns({
      t,
      selfId: session.staff.id,
      timeZone: session.settings.timeZone,
      canWrite,
      onEdit: (staff) => setEditing({ staff }),
      onReset: setResetting,
      onToggle: (staff, enable) =>
        toggle.mutateAsync({ staff, enable }).then(
          () => void message.success(t(enable ? 'staff.enabled' : 'staff.disabled', { name: staff.name })),
          (e) => showError(e),
        ),
    });
  }, [t, session, canWrite, toggle.mutateAsync, message, showError]);

  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader
        title={t('staff.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('staff.add')}
            </Button>
          )
        }
      />
      <StaffFilters value={filters} onChange={setFilters} />
      <Table<Staff>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={t('staff.emptyTitle')}>
              <p style={{ color: '#8c8c8c' }}>{t('staff.emptyHint')}</p>
              {canWrite && (
                <Button type="primary" onClick={() => setEditing({})}>
                  {t('staff.add')}
                </Button>
              )}
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
      <StaffFormDrawer
        open={!!editing}
        staff={editing?.staff}
        onClose={() => setEditing(null)}
        onInvited={(name, url) =>
          setShown({
            title: t('staff.inviteTitle'),
            text: t('staff.inviteHelp', { name }),
            value: url,
            testId: 'invite-url',
          })
        }
      />
      <ResetPasswordModal
        staff={resetting}
        onClose={() => setResetting(null)}
        onTemporaryPassword={(_name, password) =>
          setShown({
            title: t('staff.resetDone'),
            text: t('staff.temporaryPassword'),
            value: password,
            testId: 'temporary-password',
          })
        }
      />
      <ShownOnceModal shown={shown} onClose={() => setShown(null)} />
    </div>
  );
}
