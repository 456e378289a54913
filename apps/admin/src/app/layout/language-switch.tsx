import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { chooseLang, currentLang, LANGS, type Lang } from '../../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGS.map((l) => ({ key: l, label: t(`lang.${l}`) })),
        onClick: ({ key }) => chooseLang(key as Lang),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('header.language')}>
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
