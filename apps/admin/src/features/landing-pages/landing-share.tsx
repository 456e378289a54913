import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import type { LandingPage } from '@siyu/contracts';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { landingQrUrl } from './landing-api';

/** The page's public address to copy or open, and a QR of it to print or share. */
export function LandingShare({ page, onClose }: { page: LandingPage | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!page}
      title={page ? t('landing.share.title', { name: page.title }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {page && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {page.status === 'offline' && <Alert type="warning" showIcon title={t('landing.share.offline')} />}
          <div>
            <Typography.Text type="secondary">{t('landing.share.url')}</Typography.Text>
            <Typography.Paragraph
              copyable={{ text: page.url, tooltips: [t('common.copy'), t('common.copied')] }}
              style={{ marginBottom: 0, wordBreak: 'break-all' }}
              data-testid="landing-url"
            >
              {page.url}
            </Typography.Paragraph>
          </div>
          <div style={{ textAlign: 'center' }}>
            <img
              src={landingQrUrl(page)}
              alt={t('landing.share.qr')}
              width={220}
              height={220}
              style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}
            />
          </div>
          <Space wrap>
            <Button icon={<EyeOutlined />} href={page.url} target="_blank" rel="noopener">
              {t('landing.share.preview')}
            </Button>
            <Button icon={<DownloadOutlined />} href={landingQrUrl(page)} download={`landing-${page.slug}.svg`}>
              {t('landing.share.download')}
            </Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}
