import type { ShopProduct } from '@siyu/contracts';
import { Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { optionState, type SpecPick, togglePick } from './spec-choice';

type SpecSelectorProps = {
  product: ShopProduct;
  pick: SpecPick;
  onChange: (next: SpecPick) => void;
};

/**
 * One row of chips per spec attribute (杯型, 温度, …). A value is disabled when, with the other picks,
 * the merchant sells no such SKU or every such SKU is sold out (marked 缺货). Tapping a picked chip
 * un-picks it, which frees the other rows.
 */
export function SpecSelector({ product, pick, onChange }: SpecSelectorProps) {
  const { t } = useTranslation();
  return (
    <div className="specs" data-testid="spec-selector">
      {product.specs.map((attr) => (
        <fieldset key={attr.name} className="specs__row">
          <legend className="specs__name">{attr.name}</legend>
          <Selector
            value={pick[attr.name] === undefined ? [] : [pick[attr.name]!]}
            onChange={(v) => onChange(togglePick(pick, attr.name, v[0]))}
            showCheckMark={false}
            options={attr.values.map((value) => {
              const state = optionState(product.skus, pick, attr.name, value);
              return {
                value,
                disabled: state !== 'available',
                label: (
                  <span data-testid="spec-option" data-state={state}>
                    {value}
                    {state === 'sold_out' && (
                      <span className="specs__sold-out">{t('catalog.detail.optionSoldOut')}</span>
                    )}
                  </span>
                ),
              };
            })}
          />
        </fieldset>
      ))}
    </div>
  );
}
