import { BellOutlined } from '@ant-design/icons';
import { followUpRoutes, type StaffNotification } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { useSession } from '../auth';
import { formatTime } from '../time';

const KEY = ['notifications', 'latest'] as const;

/** A link from a notification as a path of this app (the router adds /admin). */
const appPath = (link: string) => (link.startsWith('/admin/') ? link.slice(6) : link);

/** The header bell: unread count (polled each minute), the latest notifications, mark read. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => call(followUpRoutes.listNotifications, { query: { limit: 10 } }),
    refetchInterval: 60_000,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({
    mutationFn: (id: string) => call(followUpRoutes.readNotification, { params: { id } }),
    onSuccess: refresh,
  });
  const readAll = useMutation({ mutationFn: () => call(followUpRoutes.readAllNotifications), onSuccess: refresh });
  const unread = q.data?.unread ?? 0;

  const openItem = (n: StaffNotification) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link?.startsWith('/')) {
      setOpen(false);
      navigate(appPath(n.link));
    }
  };

  const content = (
    <div style={{ width: 360 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('notifications.readAll')}
        </Button>
      </div>
      <List
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
        style={{ maxHeight: 420, overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item
            onClick={() => openItem(n)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') openItem(n);
            }}
            tabIndex={0}
            style={{
              cursor: 'pointer',
              background: n.readAt ? undefined : '#e6f4ff',
              padding: '8px 10px',
              borderRadius: 6,
            }}
          >
            <div>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body && <div style={{ fontSize: 12, color: '#595959' }}>{n.body}</div>}
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatTime(n.createdAt, tz, 'MM-DD HH:mm')}</div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={t('notifications.bell', { count: unread })} data-testid="notifications-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
