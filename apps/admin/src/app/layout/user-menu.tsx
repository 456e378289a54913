import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useSession } from '../auth';
import { ChangePasswordModal } from './change-password-modal';

export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      void message.success(t('header.loggedOut'));
      navigate('/login', { replace: true });
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
          ],
          onClick: ({ key }) => (key === 'logout' ? void onLogout() : setPwOpen(true)),
        }}
      >
        <Button type="text" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          {session.staff.name}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
