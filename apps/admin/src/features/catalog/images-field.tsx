import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { CATALOG_LIMITS, type CatalogImage } from '@siyu/contracts';
import { App, Button, Space, Tag, Tooltip, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { IMAGE_ACCEPT, IMAGE_MB, IMAGE_TYPES, uploadCatalogImage } from './upload-image';

type Props = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** URL of each image id (saved images and uploads of this session). */
  urls: Map<string, string>;
  onUploaded: (img: CatalogImage) => void;
  disabled?: boolean;
  max?: number;
};

/** Ordered image ids with thumbnails: upload (several at once), move left/right, remove. First is the cover. */
export function ImagesField({
  value = [],
  onChange,
  urls,
  onUploaded,
  disabled,
  max = CATALOG_LIMITS.imagesPerProduct,
}: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const [pending, setPending] = useState(0);
  const move = (i: number, d: -1 | 1) => {
    const next = [...value];
    const [id] = next.splice(i, 1);
    if (id) next.splice(i + d, 0, id);
    onChange?.(next);
  };
  // Uploads finish in any order; each adds itself to the latest list.
  const latest = useRef(value);
  latest.current = value;
  const add = (id: string) => {
    latest.current = [...latest.current, id];
    onChange?.(latest.current);
  };

  return (
    <div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 8 }} data-testid="product-images">
        {value.map((id, i) => (
          <div
            key={id}
            style={{ width: 112, border: '1px solid #f0f0f0', borderRadius: 8, padding: 6, textAlign: 'center' }}
          >
            <a href={urls.get(id)} target="_blank" rel="noreferrer">
              <img
                src={urls.get(id)}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4, display: 'block', margin: '0 auto' }}
                alt={i === 0 ? t('catalog.editor.cover') : ''}
              />
            </a>
            <div style={{ height: 22 }}>{i === 0 && <Tag color="blue">{t('catalog.editor.cover')}</Tag>}</div>
            {!disabled && (
              <Space size={0}>
                <Tooltip title={t('catalog.editor.moveLeft')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowLeftOutlined />}
                    aria-label={t('catalog.editor.moveLeft')}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  />
                </Tooltip>
                <Tooltip title={t('catalog.editor.moveRight')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowRightOutlined />}
                    aria-label={t('catalog.editor.moveRight')}
                    disabled={i === value.length - 1}
                    onClick={() => move(i, 1)}
                  />
                </Tooltip>
                <Tooltip title={t('catalog.editor.remove')}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('catalog.editor.remove')}
                    onClick={() => onChange?.(value.filter((x) => x !== id))}
                  />
                </Tooltip>
              </Space>
            )}
          </div>
        ))}
      </div>
      {!disabled && (
        <Upload
          accept={IMAGE_ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            if (!IMAGE_TYPES.includes(file.type)) {
              void message.error(t('catalog.editor.imageBadType', { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            if (file.size > CATALOG_LIMITS.imageBytes) {
              void message.error(t('catalog.editor.imageTooLarge', { name: file.name, mb: IMAGE_MB }));
              return Upload.LIST_IGNORE;
            }
            if (latest.current.length + pending >= max) {
              void message.error(t('catalog.editor.imagesFull', { max }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            setPending((n) => n + 1);
            try {
              const img = await uploadCatalogImage(file as File, session.csrfToken);
              onUploaded(img);
              add(img.id);
              onSuccess?.(img);
            } catch (e) {
              onError?.(e as Error);
              showError(e);
            } finally {
              setPending((n) => n - 1);
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={pending > 0} disabled={value.length >= max}>
            {pending > 0 ? t('catalog.editor.uploading') : t('catalog.editor.upload')}
          </Button>
        </Upload>
      )}
    </div>
  );
}
