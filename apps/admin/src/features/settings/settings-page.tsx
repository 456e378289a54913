import { adminRoutes, type Settings, SettingsInput } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { qk } from '../../api/query-keys';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { COMMON_TIME_ZONES, utcOffset } from '../../app/time';
import { zodRule } from '../../app/validation';
import { LogoUpload } from './logo-upload';

type Values = Pick<Settings, 'brandName' | 'logoUrl' | 'timeZone' | 'locale'>;

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, setSession } = useAuth();
  const session = useSession();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const canWrite = can('settings.write');
  const settings = useQuery({ queryKey: qk.settings, queryFn: () => call(adminRoutes.getSettings) });

  const save = useMutation({
    mutationFn: (v: Values) => call(adminRoutes.updateSettings, { body: v }),
    onSuccess: (s) => {
      qc.setQueryData(qk.settings, s);
      setSession({ ...session, settings: s }); // the header shows the new brand at once
      void message.success(t('common.saved'));
    },
    onError: (e) => showError(e, form),
  });

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  const zones = COMMON_TIME_ZONES.includes(s.timeZone) ? COMMON_TIME_ZONES : [s.timeZone, ...COMMON_TIME_ZONES];
  const shape = SettingsInput.shape;

  return (
    <div>
      <PageHeader title={t('settings.title')} />
      <Card style={{ maxWidth: 720 }}>
        <Form<Values>
          name="settings"
          form={form}
          layout="vertical"
          initialValues={{ brandName: s.brandName, logoUrl: s.logoUrl, timeZone: s.timeZone, locale: s.locale }}
          onFinish={(v) => save.mutate(v)}
          disabled={!canWrite}
        >
          <Form.Item
            name="brandName"
            required
            label={t('settings.brandName')}
            rules={[zodRule(shape.brandName.unwrap(), t)]}
          >
            <Input autoFocus maxLength={100} />
          </Form.Item>
          <Form.Item name="logoUrl" label={t('settings.logo')} extra={t('settings.logoHelp')}>
            <LogoUpload />
          </Form.Item>
          <Form.Item name="timeZone" label={t('settings.timeZone')} extra={t('settings.timeZoneHelp')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={zones.map((z) => ({ value: z, label: `${z} (${utcOffset(z)})` }))}
            />
          </Form.Item>
          <Form.Item name="locale" label={t('settings.locale')}>
            <Select
              options={[
                { value: 'zh-CN', label: t('lang.zh-CN') },
                { value: 'en', label: t('lang.en') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.currency')} extra={t('settings.currencyHelp')} htmlFor="settings-currency">
            <Input id="settings-currency" value={s.currency} disabled readOnly style={{ maxWidth: 160 }} />
          </Form.Item>
          {canWrite && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
