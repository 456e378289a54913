import { UserOutlined } from '@ant-design/icons';
import type { CustomerSummary } from '@siyu/contracts';
import { Avatar, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { formatTime } from '../../app/time';
import { customerName, formatFen, STAGE_COLOR, tagColor } from './format';

export function CustomerAvatar({ c, size = 32 }: { c: Pick<CustomerSummary, 'avatarUrl'>; size?: number }) {
  return <Avatar size={size} src={c.avatarUrl ?? undefined} icon={<UserOutlined />} alt="" />;
}

export function TagList({ tags, max = 4 }: { tags: CustomerSummary['tags']; max?: number }) {
  const shown = tags.slice(0, max);
  return (
    <span>
      {shown.map((tag) => (
        <Tag key={tag.id} color={tagColor(tag.color)} style={{ marginBottom: 2 }}>
          {tag.name}
        </Tag>
      ))}
      {tags.length > max && <Tag>+{tags.length - max}</Tag>}
    </span>
  );
}

export function customerColumns(t: TFunction, timeZone: string): TableColumnsType<CustomerSummary> {
  return [
    {
      title: t('customers.name'),
      key: 'name',
      fixed: 'left',
      render: (_, c) => (
        <Space>
          <CustomerAvatar c={c} />
          <div>
            <Link to={`/customers/${c.id}`}>
              <Typography.Text strong>{customerName(c, t)}</Typography.Text>
            </Link>
            {c.name && c.nickname && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{c.nickname}</div>}
          </div>
        </Space>
      ),
    },
    { title: t('customers.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '' },
    {
      title: t('customers.stage'),
      dataIndex: 'stage',
      render: (s: CustomerSummary['stage']) => <Tag color={STAGE_COLOR[s]}>{t(`customers.stages.${s}`)}</Tag>,
    },
    {
      title: t('customers.owner'),
      dataIndex: 'primaryOwner',
      render: (o: CustomerSummary['primaryOwner']) => o?.name ?? '',
    },
    { title: t('customers.store'), dataIndex: 'store', render: (s: CustomerSummary['store']) => s?.name ?? '' },
    {
      title: t('customers.tags'),
      dataIndex: 'tags',
      render: (tags: CustomerSummary['tags']) => <TagList tags={tags} />,
    },
    { title: t('customers.orders'), dataIndex: 'orderCount', align: 'right' },
    { title: t('customers.spent'), dataIndex: 'totalSpent', align: 'right', render: (v: number) => formatFen(v) },
    {
      title: t('customers.lastActive'),
      dataIndex: 'lastActiveAt',
      render: (v: string | null) => (v ? formatTime(v, timeZone, 'YYYY-MM-DD HH:mm') : ''),
    },
  ];
}
