import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from './errors';

/** A small danger button that asks first, runs the deletion, then says it is done or what went wrong. */
export function ConfirmDelete({
  title,
  description,
  onDelete,
}: {
  title: string;
  description?: string;
  onDelete: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Popconfirm
      title={title}
      description={description}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        onDelete().then(
          () => void message.success(t('common.deleted')),
          (e) => showError(e),
        )
      }
    >
      <Button size="small" danger>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
