import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The "load more" row under a keyset-paged table. */
export function LoadMore(p: { hasMore: boolean; loading: boolean; shown: number; onLoad: () => void }) {
  const { t } = useTranslation();
  if (p.shown === 0) return null;
  return (
    <div style={{ textAlign: 'center', padding: 16 }}>
      {p.hasMore ? (
        <Button onClick={p.onLoad} loading={p.loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">
          {t('common.noMore')} · {t('common.count', { count: p.shown })}
        </Typography.Text>
      )}
    </div>
  );
}
