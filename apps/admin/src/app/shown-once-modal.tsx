import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type ShownOnce = { title: string; text: string; value: string; testId: string };

/** Shows a secret or link that the API returns only once (invite URL, temporary password), with a copy button. */
export function ShownOnceModal({ shown, onClose }: { shown: ShownOnce | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!shown}
      title={shown?.title}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      {shown && (
        <>
          <Typography.Paragraph>{shown.text}</Typography.Paragraph>
          <Typography.Paragraph
            data-testid={shown.testId}
            copyable={{ text: shown.value, tooltips: [t('common.copy'), t('common.copied')] }}
            style={{
              padding: 12,
              background: '#f5f5f5',
              borderRadius: 6,
              wordBreak: 'break-all',
              fontFamily: 'monospace',
            }}
          >
            {shown.value}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
