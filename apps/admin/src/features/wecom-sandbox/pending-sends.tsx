import type { WecomSandboxState } from '@siyu/contracts';
import { App, Button, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/errors';
import { useTime } from './sandbox-tables';
import { useConfirmSandboxSend } from './wecom-sandbox-api';

type Row = WecomSandboxState['pendingSends'][number];

/**
 * Mass sends waiting for a member: WeCom sends a 群发 only after the member confirms it in their
 * client. Here the admin confirms as that member would.
 */
export function PendingSendsTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useTime();
  const showError = useShowError();
  const confirm = useConfirmSandboxSend();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('wecomSandbox.pendingIntro')}</Typography.Paragraph>
      <Table<Row>
        rowKey={(r) => `${r.msgid}-${r.userid}`}
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('wecomSandbox.emptyPending')} /> }}
        columns={[
          { title: t('wecomSandbox.col.createdAt'), dataIndex: 'createdAt', render: time, width: 170 },
          { title: t('wecomSandbox.col.member'), render: (_, r) => r.memberName ?? r.userid },
          {
            title: t('wecomSandbox.col.content'),
            render: (_, r) => (
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {r.text}
                {r.attachments > 0 && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('wecomSandbox.attachments', { count: r.attachments })}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('wecomSandbox.col.recipients'),
            render: (_, r) =>
              t(r.chatType === 'group' ? 'wecomSandbox.recipientGroups' : 'wecomSandbox.recipientCustomers', {
                count: r.recipients,
              }),
          },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Button
                type="primary"
                size="small"
                loading={
                  confirm.isPending && confirm.variables?.msgid === r.msgid && confirm.variables.userid === r.userid
                }
                onClick={() =>
                  confirm.mutate(
                    { msgid: r.msgid, userid: r.userid },
                    {
                      onSuccess: (res) =>
                        void message.success(
                          t('wecomSandbox.confirmed', { sent: res.sends.filter((s) => s.result === 'sent').length }),
                        ),
                      onError: (e) => showError(e),
                    },
                  )
                }
              >
                {t('wecomSandbox.confirmAs', { name: r.memberName ?? r.userid })}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
