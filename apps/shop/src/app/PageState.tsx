import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';

/** A centred loading indicator for a whole page. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-state" role="status" aria-label={t('app.loading')}>
      <DotLoading color="primary" />
    </div>
  );
}

/** A whole-page error with a retry button. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="page-state">
      <ErrorBlock status="default" title={t('app.loadFailed')} description={errorText(error, t)}>
        {onRetry && (
          <Button color="primary" size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </ErrorBlock>
    </div>
  );
}
