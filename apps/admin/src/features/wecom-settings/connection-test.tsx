import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { wecomSettingsRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';

/** "Test connection": each step WeCom was asked, and for the one that failed, what to fix. */
export function ConnectionTest({ configured }: { configured: boolean }) {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const test = useMutation({ mutationFn: () => call(wecomSettingsRoutes.test), onError: (e) => showError(e) });
  if (!configured) return <Typography.Text type="secondary">{t('wecomSettings.testNothing')}</Typography.Text>;
  const fix = (problem?: string) =>
    problem && i18n.exists(`wecomSettings.problem.${problem}`) ? t(`wecomSettings.problem.${problem}`) : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => test.mutate()} loading={test.isPending}>
        {t('wecomSettings.test')}
      </Button>
      {test.data && (
        <Alert
          type={test.data.ok ? 'success' : 'error'}
          showIcon
          title={test.data.ok ? t('wecomSettings.testPassed') : t('wecomSettings.testFailed')}
          description={
            <List
              size="small"
              dataSource={test.data.steps}
              renderItem={(s) => (
                <List.Item>
                  <Space align="start">
                    {!s.ok ? (
                      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                    ) : s.problem ? (
                      <ExclamationCircleFilled style={{ color: '#faad14' }} />
                    ) : (
                      <CheckCircleFilled style={{ color: '#52c41a' }} />
                    )}
                    <span>
                      <Typography.Text strong>{t(`wecomSettings.step.${s.step}`)}</Typography.Text>
                      {fix(s.problem) ? `：${fix(s.problem)}` : ''}
                      <br />
                      <Typography.Text type="secondary">
                        {s.errcode !== undefined ? `errcode ${s.errcode} · ` : ''}
                        {s.message}
                      </Typography.Text>
                    </span>
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      )}
    </Space>
  );
}
