import type { WelcomeAttachment } from '@siyu/contracts';
import { App, Form, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { useDefaultWelcome, useSaveDefaultWelcome } from './live-codes-api';
import { WelcomeEditor } from './welcome-editor';

type Values = { text: string; attachments: WelcomeAttachment[] };

/** The tenant default welcome message: codes in "use default" mode send it. */
export function DefaultWelcomeDrawer({
  open,
  onClose,
  canWrite,
}: {
  open: boolean;
  onClose: () => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const current = useDefaultWelcome(open);
  const save = useSaveDefaultWelcome();
  return (
    <FormDrawer<Values>
      name="defaultWelcome"
      open={open}
      title={t('liveCodes.defaultWelcome')}
      onClose={onClose}
      form={form}
      size={640}
      readOnly={!canWrite}
      submitting={save.isPending}
      initialValues={current.data ? { text: current.data.text, attachments: current.data.attachments } : undefined}
      onFinish={(v) =>
        save.mutate(
          { text: v.text ?? '', attachments: v.attachments ?? [] },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: (e) => showError(e, form),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('liveCodes.defaultWelcomeHint')}</Typography.Paragraph>
      {current.isPending ? <Spin /> : <WelcomeEditor textName="text" attachmentsName="attachments" />}
    </FormDrawer>
  );
}
