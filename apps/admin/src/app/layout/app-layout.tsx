import { Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useSession } from '../auth';
import { useWecomSandboxStatus } from '../../features/wecom-sandbox/wecom-sandbox-api';
import { NAV_ITEMS, navAllowed } from '../nav';
import { FullPageSpin } from '../pages';
import { LanguageSwitch } from './language-switch';
import { NotificationsBell } from './notifications-bell';
import { UserMenu } from './user-menu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const sandbox = useWecomSandboxStatus(can('settings.read'));
  const shown = { wecomSandbox: sandbox.data?.enabled === true };
  const items = NAV_ITEMS.filter((i) => navAllowed(i, can) && (!i.onlyWhen || shown[i.onlyWhen]));
  const section = NAV_ITEMS.find((i) => i.path !== '/' && pathname.startsWith(i.path))?.path;
  const selected = section ?? (pathname === '/' ? '/' : '');
  const brand = session.settings.brandName || session.tenant.name;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={216}
        breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div className="siyu-brand" title={brand}>
          <img src={session.settings.logoUrl ?? `${import.meta.env.BASE_URL}favicon.svg`} alt="" />
          {!collapsed && <span>{brand}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(i.label) }))}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <span style={{ fontWeight: 500 }}>{session.tenant.name}</span>
          <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <NotificationsBell />
            <LanguageSwitch />
            <UserMenu />
          </span>
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
