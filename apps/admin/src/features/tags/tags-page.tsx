import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/page-header';
import { GroupsTab } from './groups-tab';
import { RulesTab } from './rules-tab';

export function TagsPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') === 'rules' ? 'rules' : 'groups';
  return (
    <div>
      <PageHeader title={t('tags.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'rules' ? { tab: 'rules' } : {}, { replace: true })}
        items={[
          { key: 'groups', label: t('tags.groupsTab'), children: <GroupsTab /> },
          { key: 'rules', label: t('tags.rules.title'), children: <RulesTab /> },
        ]}
      />
    </div>
  );
}
