import { Button, Input, Popup, Switch } from 'antd-mobile';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FeedFilter } from './feed-filter';
import { parseYuan, yuanText } from './money';

type FilterPopupProps = {
  visible: boolean;
  filter: FeedFilter;
  onClose: () => void;
  onApply: (next: FeedFilter) => void;
};

/** Quick price ranges, in fen (a coffee shop's menu). */
const PRICE_PRESETS: { min?: number; max?: number }[] = [{ max: 2000 }, { min: 2000, max: 3000 }, { min: 3000 }];

/** 筛选: a price range in yuan and 仅看有货, from the right edge; applied with 确定. */
export function FilterPopup({ visible, filter, onClose, onApply }: FilterPopupProps) {
  return (
    <Popup
      visible={visible}
      position="right"
      onMaskClick={onClose}
      onClose={onClose}
      bodyClassName="filter-popup"
      destroyOnClose
    >
      {/* mounted on each opening, so it starts from the filter in force */}
      <FilterForm filter={filter} onApply={onApply} />
    </Popup>
  );
}

function FilterForm({ filter, onApply }: { filter: FeedFilter; onApply: (next: FeedFilter) => void }) {
  const { t } = useTranslation();
  const [min, setMin] = useState(() => yuanText(filter.priceMin));
  const [max, setMax] = useState(() => yuanText(filter.priceMax));
  const [inStock, setInStock] = useState(filter.inStock ?? false);

  const minFen = parseYuan(min);
  const maxFen = parseYuan(max);
  const invalid = (min.trim() !== '' && minFen === null) || (max.trim() !== '' && maxFen === null);

  const apply = () => {
    let lo = minFen ?? undefined;
    let hi = maxFen ?? undefined;
    if (lo !== undefined && hi !== undefined && lo > hi) [lo, hi] = [hi, lo];
    onApply({ ...filter, priceMin: lo, priceMax: hi, inStock: inStock || undefined });
  };

  return (
    <>
      <div className="filter-popup__content" data-testid="filter-popup">
        <h3 className="filter-popup__heading">{t('catalog.filter.price')}</h3>
        <div className="filter-popup__range">
          <Input type="text" inputMode="decimal" placeholder={t('catalog.filter.min')} value={min} onChange={setMin} />
          <span>—</span>
          <Input type="text" inputMode="decimal" placeholder={t('catalog.filter.max')} value={max} onChange={setMax} />
        </div>
        <div className="filter-popup__presets">
          {PRICE_PRESETS.map((p) => (
            <button
              key={`${p.min}-${p.max}`}
              type="button"
              className="chip"
              onClick={() => {
                setMin(yuanText(p.min));
                setMax(yuanText(p.max));
              }}
            >
              {presetLabel(p, t)}
            </button>
          ))}
        </div>
        {invalid && <p className="shop-error">{t('catalog.filter.invalidPrice')}</p>}
        <div className="filter-popup__row">
          <span>{t('catalog.filter.inStock')}</span>
          <Switch checked={inStock} onChange={setInStock} aria-label={t('catalog.filter.inStock')} />
        </div>
      </div>
      <div className="filter-popup__footer">
        <Button
          block
          shape="rounded"
          onClick={() => {
            setMin('');
            setMax('');
            setInStock(false);
          }}
          data-testid="filter-reset"
        >
          {t('catalog.filter.reset')}
        </Button>
        <Button block shape="rounded" color="primary" disabled={invalid} onClick={apply} data-testid="filter-apply">
          {t('catalog.filter.apply')}
        </Button>
      </div>
    </>
  );
}

function presetLabel(p: { min?: number; max?: number }, t: TFunction) {
  if (p.min === undefined) return t('catalog.filter.below', { price: yuanText(p.max) });
  if (p.max === undefined) return t('catalog.filter.above', { price: yuanText(p.min) });
  return `${yuanText(p.min)}–${yuanText(p.max)}`;
}
