import { DownloadOutlined } from '@ant-design/icons';
import { QR_SIZE_CM, QR_SIZES, type QrFormat } from '@siyu/contracts';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { qrFileUrl } from './live-codes-api';

const FORMATS: QrFormat[] = ['png', 'svg'];

/** Starts a download of a file the session may read (a link with the download attribute). */
function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Download menu of a code's QR: PNG or SVG, each print size (8–50 cm), with or without the brand
 * logo. The menu is keyboard navigable (arrow keys, Enter).
 */
export function QrMenu({ id, disabled }: { id: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = [true, false].flatMap((logo) =>
    FORMATS.map((format) => ({
      key: `${format}-${logo}`,
      label: t(logo ? 'liveCodes.qr.withLogo' : 'liveCodes.qr.plain', { format: format.toUpperCase() }),
      children: QR_SIZES.map((size) => ({
        key: `${format}-${logo}-${size}`,
        label: t('liveCodes.qr.size', { px: size, cm: QR_SIZE_CM[size] }),
        onClick: () => download(qrFileUrl(id, { format, size, logo })),
      })),
    })),
  );
  return (
    <Dropdown menu={{ items }} trigger={['click']} disabled={disabled}>
      <Button size="small" icon={<DownloadOutlined />}>
        {t('liveCodes.qr.download')}
      </Button>
    </Dropdown>
  );
}
