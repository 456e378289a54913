import type { WecomSandboxState } from '@siyu/contracts';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Shown, useTime } from './sandbox-tables';

type S = WecomSandboxState;
type Code = {
  kind: 'contact_way' | 'join_way';
  configId: string;
  state: string | null;
  remark: string | null;
  qrCodeUrl: string | null;
  scanUrl: string;
  who: string;
  createdAt: string;
};

/** A code's QR image: a link that opens the sandbox scan page, where a person plays the customer. */
export function SandboxQr({ code, size = 88 }: { code: Pick<Code, 'qrCodeUrl' | 'scanUrl'>; size?: number }) {
  const { t } = useTranslation();
  return (
    <a href={code.scanUrl} target="_blank" rel="noreferrer" title={t('wecomSandbox.scanHint')}>
      {code.qrCodeUrl ? (
        <img
          src={code.qrCodeUrl}
          alt={t('wecomSandbox.qrAlt')}
          width={size}
          height={size}
          style={{ display: 'block' }}
        />
      ) : (
        t('wecomSandbox.scan')
      )}
    </a>
  );
}

/** Contact ways (联系我) and join ways (加入群聊) of the sandbox corp, newest first. */
export function CodesTab({ state }: { state: S }) {
  const { t } = useTranslation();
  const time = useTime();
  const rows: Code[] = [
    ...state.contactWays.items.map((w) => ({ kind: 'contact_way' as const, ...w, who: w.userNames.join('、') })),
    ...state.joinWays.items.map((w) => ({
      kind: 'join_way' as const,
      ...w,
      who: t('wecomSandbox.groupsCount', { count: w.chatIds.length }),
    })),
  ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('wecomSandbox.codesIntro')}</Typography.Paragraph>
      <Table<Code>
        rowKey="configId"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('wecomSandbox.emptyCodes')} /> }}
        columns={[
          { title: t('wecomSandbox.col.qr'), render: (_, c) => <SandboxQr code={c} />, width: 110 },
          {
            title: t('wecomSandbox.col.kind'),
            dataIndex: 'kind',
            render: (v: Code['kind']) => (
              <Tag color={v === 'contact_way' ? 'blue' : 'purple'}>{t(`wecomSandbox.kind.${v}`)}</Tag>
            ),
          },
          {
            title: 'state',
            dataIndex: 'state',
            render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
          },
          { title: t('wecomSandbox.col.who'), dataIndex: 'who' },
          { title: t('wecomSandbox.col.remark'), dataIndex: 'remark', render: (v: string | null) => v ?? '—' },
          { title: t('wecomSandbox.col.createdAt'), dataIndex: 'createdAt', render: time, width: 170 },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <a href={c.scanUrl} target="_blank" rel="noreferrer">
                {c.kind === 'contact_way' ? t('wecomSandbox.scanAdd') : t('wecomSandbox.scanJoin')}
              </a>
            ),
          },
        ]}
      />
      <Shown total={state.contactWays.total + state.joinWays.total} shown={rows.length} />
    </Space>
  );
}
