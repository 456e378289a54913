import type { GroupCode } from '@siyu/contracts';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** The code's QR image (WeCom's qr_code URL), small; a red tag when WeCom gave none. */
export function GroupCodeQr({ code, size = 64 }: { code: GroupCode; size?: number }) {
  const { t } = useTranslation();
  if (!code.qrCodeUrl) return <Tag color="red">{t('groupCodes.noQr')}</Tag>;
  return (
    <a href={code.qrCodeUrl} target="_blank" rel="noreferrer">
      <img
        src={code.qrCodeUrl}
        alt={t('groupCodes.qrOf', { name: code.name })}
        width={size}
        height={size}
        loading="lazy"
        style={{ display: 'block' }}
      />
    </a>
  );
}

/** Each group with its fill against the cap: on the join way now, full, dismissed. */
export function GroupCodeGroups({ code }: { code: GroupCode }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {code.groups.map((g) => (
        <Tooltip
          key={g.groupId}
          title={
            g.status === 'dismissed'
              ? t('groupCodes.groupDismissed')
              : g.onJoinWay
                ? t('groupCodes.onJoinWay')
                : g.full
                  ? t('groupCodes.groupFull')
                  : t('groupCodes.waiting')
          }
        >
          <Tag color={g.status === 'dismissed' ? 'default' : g.onJoinWay ? 'green' : g.full ? 'orange' : 'blue'}>
            {g.name} {g.memberCount}/{code.memberCap}
          </Tag>
        </Tooltip>
      ))}
      {code.routing === 'full' && <Tag color="red">{t('groupCodes.routingFull')}</Tag>}
    </Space>
  );
}
