import type { OwnedTestResult } from '@siyu/contracts';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a test send came to: the provider's message id, or the failing kind, code and message. */
export function TestResult({ result }: { result: OwnedTestResult }) {
  const { t, i18n } = useTranslation();
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        title={t('channels.test.passed')}
        description={result.providerMessageId ? `${t('channels.test.providerId')}: ${result.providerMessageId}` : null}
      />
    );
  const e = result.error;
  const kindKey = `channels.kind.${e?.kind}`;
  return (
    <Alert
      type="error"
      showIcon
      title={i18n.exists(kindKey) ? t(kindKey) : e?.kind}
      description={
        <>
          {e?.code && <Typography.Text code>{e.code}</Typography.Text>} {e?.message}
        </>
      }
    />
  );
}
