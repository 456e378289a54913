import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { shopTabs } from './tabs';
import { shopPath, useSlug } from './useSlug';

/** The pages that show the bottom TabBar. */
export function TabShell() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const first = pathname.slice(shopPath(slug).length).split('/').filter(Boolean)[0] ?? '';
  const active = shopTabs.find((tab) => tab.path === first) ?? shopTabs[0]!;

  return (
    <div className="tab-shell">
      <main className="tab-shell__content">
        <Outlet />
      </main>
      <div className="tab-shell__bar">
        <TabBar
          safeArea
          activeKey={active.key}
          onChange={(key) => {
            const tab = shopTabs.find((x) => x.key === key);
            if (tab) navigate(shopPath(slug, tab.path));
          }}
        >
          {shopTabs.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={t(tab.titleKey)} data-testid={`tab-${tab.key}`} />
          ))}
        </TabBar>
      </div>
    </div>
  );
}
