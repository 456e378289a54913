import { customerRoutes } from '@siyu/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Select, Skeleton, Timeline, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useSession } from '../../../app/auth';
import { LoadError } from '../../../app/pages';
import { formatTime } from '../../../app/time';
import { customerKeys } from '../customers-api';
import { eventIcon, KNOWN_TYPES } from './timeline-icons';

type Event = { id: string; type: string; occurredAt: string; properties: Record<string, unknown>; source: string };

const ID = /^[a-z]{2,5}_[0-9a-z]{10,32}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/** The customer's timeline, newest first; more loads as the end scrolls into view. */
export function TimelineTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const [types, setTypes] = useState<string[]>([]);
  const [seen, setSeen] = useState<string[]>([]);
  const q = useInfiniteQuery({
    queryKey: customerKeys.timeline(customerId, types),
    queryFn: ({ pageParam }) =>
      call(customerRoutes.timeline, {
        params: { id: customerId },
        query: { cursor: pageParam, limit: 30, types: types.length ? types.join(',') : undefined },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const events: Event[] = q.data?.pages.flatMap((p) => p.items) ?? [];
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const fresh = events.map((e) => e.type).filter((ty) => !seen.includes(ty));
    if (fresh.length) setSeen((s) => [...new Set([...s, ...fresh])]);
  }, [events, seen]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !q.hasNextPage) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !q.isFetchingNextPage) void q.fetchNextPage();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [q.hasNextPage, q.isFetchingNextPage, q.fetchNextPage]);

  const typeLabel = (ty: string) => t(`customers.timeline.types.${ty.replace(/\./g, '_')}`, { defaultValue: ty });
  const options = [...new Set([...KNOWN_TYPES, ...seen])].map((ty) => ({ value: ty, label: typeLabel(ty) }));

  return (
    <div>
      <Select
        mode="multiple"
        allowClear
        placeholder={t('customers.timeline.filter')}
        aria-label={t('customers.timeline.filter')}
        value={types}
        onChange={setTypes}
        options={options}
        style={{ minWidth: 280, marginBottom: 16 }}
      />
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : events.length === 0 ? (
        <Empty description={types.length ? t('customers.timeline.emptyFiltered') : t('customers.timeline.empty')} />
      ) : (
        <Timeline
          items={events.map((e) => {
            const { icon, color } = eventIcon(e.type);
            // Ids say little to a person; the names and values next to them say it better.
            const props = Object.entries(e.properties)
              .filter(
                ([k, v]) =>
                  v !== null &&
                  v !== '' &&
                  !/Id$/.test(k) &&
                  !(typeof v === 'string' && ID.test(v)) &&
                  !(k === 'source' && v === e.source),
              )
              .slice(0, 6);
            return {
              key: e.id,
              icon,
              color,
              content: (
                <div data-testid="timeline-event">
                  <Typography.Text strong>{typeLabel(e.type)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {formatTime(e.occurredAt, tz, 'YYYY-MM-DD HH:mm')} · {e.source}
                  </Typography.Text>
                  {props.length > 0 && (
                    <div style={{ fontSize: 12, color: '#595959' }}>
                      {props
                        .map(
                          ([k, v]) =>
                            `${k}: ${typeof v === 'string' && ISO.test(v) ? formatTime(v, tz, 'YYYY-MM-DD HH:mm') : short(v)}`,
                        )
                        .join('　')}
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      )}
      <div ref={sentinel} style={{ textAlign: 'center' }}>
        {q.hasNextPage && (
          <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
