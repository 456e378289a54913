import { PlusOutlined } from '@ant-design/icons';
import { ManualStockReason, type StockLevel, type StockMovement, StockReason } from '@siyu/contracts';
import { Alert, Button, Checkbox, Empty, Select, Table, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth, useSession } from '../../app/auth';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import {
  type MovementFilters,
  type StockFilters,
  useLocations,
  useLowStock,
  useMovements,
  useStockLevels,
} from './catalog-api';
import { type AdjustPrefill, AdjustDrawer } from './adjust-drawer';
import { LocationSelect, ProductPicker, SkuSelect } from './product-picker';
import { levelColumns, movementColumns } from './stock-tables';

type Tab = 'levels' | 'low' | 'movements';
const TABS: Tab[] = ['levels', 'low', 'movements'];

const bar = { display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 } as const;

/** Stock per SKU and location, low-stock alerts and the movements ledger; adjustments with a reason. */
export function StockPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === sp.get('tab')) ?? 'levels';
  // Opened from a product (the editor's stock button): start filtered to it.
  const initial = { productId: sp.get('productId') ?? undefined, title: sp.get('product') ?? undefined };
  const locations = useLocations();
  const [adjusting, setAdjusting] = useState<AdjustPrefill | null>(null);
  const canAdjust = can('catalog.stock');
  const onAdjust = canAdjust
    ? (l: StockLevel) =>
        setAdjusting({
          lines: [
            {
              productId: l.productId,
              productTitle: l.productTitle,
              skuId: l.skuId,
              locationId: l.locationId,
              delta: null,
            },
          ],
        })
    : undefined;
  const noLocations = locations.data?.items.length === 0;

  return (
    <div>
      <PageHeader
        title={t('catalog.stock.title')}
        extra={
          canAdjust && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={noLocations}
              onClick={() => setAdjusting({ lines: [{ delta: null }] })}
            >
              {t('catalog.stock.adjust')}
            </Button>
          )
        }
      />
      {noLocations && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.stock.noLocations')}
          action={
            can('org.read') && (
              <Button size="small" onClick={() => navigate('/org')}>
                {t('catalog.stock.goOrg')}
              </Button>
            )
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(sp);
          if (k === 'levels') next.delete('tab');
          else next.set('tab', k);
          setSp(next, { replace: true });
        }}
        destroyOnHidden
        items={[
          {
            key: 'levels',
            label: t('catalog.stock.levelsTab'),
            children: <LevelsTab onAdjust={onAdjust} initial={initial} />,
          },
          { key: 'low', label: t('catalog.stock.lowTab'), children: <LowTab onAdjust={onAdjust} /> },
          { key: 'movements', label: t('catalog.stock.movementsTab'), children: <MovementsTab initial={initial} /> },
        ]}
      />
      <AdjustDrawer open={!!adjusting} prefill={adjusting ?? undefined} onClose={() => setAdjusting(null)} />
    </div>
  );
}

type Initial = { productId?: string; title?: string };

function LevelsTab({ onAdjust, initial }: { onAdjust?: (l: StockLevel) => void; initial: Initial }) {
  const { t } = useTranslation();
  const session = useSession();
  const [f, setF] = useState<StockFilters>({ productId: initial.productId });
  const list = useStockLevels(f);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useMemo(() => levelColumns(t, session.settings.timeZone, onAdjust), [t, session, onAdjust]);
  return (
    <div>
      <div style={bar}>
        <ProductPicker
          allowClear
          initialLabel={initial.title}
          value={f.productId}
          onChange={(productId) => setF({ ...f, productId, skuId: undefined })}
          style={{ width: 240 }}
        />
        <SkuSelect
          allowClear
          productId={f.productId}
          value={f.skuId}
          onChange={(skuId) => setF({ ...f, skuId })}
          style={{ width: 180 }}
        />
        <LocationSelect
          allowClear
          placeholder={t('catalog.stock.anyLocation')}
          value={f.locationId}
          onChange={(locationId) => setF({ ...f, locationId })}
          style={{ width: 200 }}
        />
        <Checkbox
          checked={f.lowOnly === 'true'}
          onChange={(e) => setF({ ...f, lowOnly: e.target.checked ? 'true' : undefined })}
          style={{ alignSelf: 'center' }}
        >
          {t('catalog.stock.lowOnly')}
        </Checkbox>
      </div>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<StockLevel>
          rowKey={(l) => `${l.skuId}:${l.locationId}`}
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('catalog.stock.emptyLevels')} /> }}
        />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void list.fetchNextPage()}
      />
    </div>
  );
}

function LowTab({ onAdjust }: { onAdjust?: (l: StockLevel) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [locationId, setLocationId] = useState<string>();
  const list = useLowStock(locationId);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useMemo(() => levelColumns(t, session.settings.timeZone, onAdjust), [t, session, onAdjust]);
  return (
    <div>
      <div style={bar}>
        <LocationSelect
          allowClear
          placeholder={t('catalog.stock.anyLocation')}
          value={locationId}
          onChange={setLocationId}
          style={{ width: 200 }}
        />
      </div>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<StockLevel>
          rowKey={(l) => `${l.skuId}:${l.locationId}`}
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('catalog.stock.emptyLow')} /> }}
        />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void list.fetchNextPage()}
      />
    </div>
  );
}

const MANUAL = new Set<string>(ManualStockReason.options);

function MovementsTab({ initial }: { initial: Initial }) {
  const { t } = useTranslation();
  const session = useSession();
  const [f, setF] = useState<MovementFilters>({ productId: initial.productId });
  const list = useMovements(f);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useMemo(() => movementColumns(t, session.settings.timeZone), [t, session]);
  const reasons = StockReason.options;
  return (
    <div>
      <div style={bar}>
        <ProductPicker
          allowClear
          initialLabel={initial.title}
          value={f.productId}
          onChange={(productId) => setF({ ...f, productId, skuId: undefined })}
          style={{ width: 240 }}
        />
        <SkuSelect
          allowClear
          productId={f.productId}
          value={f.skuId}
          onChange={(skuId) => setF({ ...f, skuId })}
          style={{ width: 180 }}
        />
        <LocationSelect
          allowClear
          placeholder={t('catalog.stock.anyLocation')}
          value={f.locationId}
          onChange={(locationId) => setF({ ...f, locationId })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t('catalog.stock.anyReason')}
          aria-label={t('catalog.stock.reason')}
          value={f.reason}
          onChange={(reason?: string) => setF({ ...f, reason })}
          options={[...reasons.filter((r) => MANUAL.has(r)), ...reasons.filter((r) => !MANUAL.has(r))].map((r) => ({
            value: r,
            label: t(`catalog.stock.reasons.${r}`),
          }))}
          style={{ width: 160 }}
        />
      </div>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<StockMovement>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('catalog.stock.emptyMovements')} /> }}
        />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void list.fetchNextPage()}
      />
    </div>
  );
}
