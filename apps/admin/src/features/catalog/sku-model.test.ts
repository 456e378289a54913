import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanSpecs, combinations, emptySkuRow, rebuildMatrix, rowsToInput } from './sku-model';

describe('SKU matrix', () => {
  const cup = { name: '杯型', values: ['中杯', '大杯'] };
  const temp = { name: '温度', values: ['冰', '热'] };
  it('builds one row per combination, first attribute slowest', () => {
    assert.deepEqual(combinations([cup, temp]), [
      { 杯型: '中杯', 温度: '冰' },
      { 杯型: '中杯', 温度: '热' },
      { 杯型: '大杯', 温度: '冰' },
      { 杯型: '大杯', 温度: '热' },
    ]);
    assert.deepEqual(combinations([]), [{}]);
    assert.deepEqual(
      cleanSpecs([
        { name: ' 杯型 ', values: ['中杯', '中杯', ' '] },
        { name: '', values: ['x'] },
      ]),
      [{ name: '杯型', values: ['中杯'] }],
    );
  });
  it('keeps surviving combinations and lets new ones inherit prices from a matching row', () => {
    const rows = [
      { ...emptySkuRow({ 杯型: '中杯' }), price: '12.00', barcode: 'A1', skuId: 'sku_1' },
      { ...emptySkuRow({ 杯型: '大杯' }), price: '15.00', barcode: 'A2', skuId: 'sku_2' },
    ];
    const withTemp = rebuildMatrix([cup, temp], rows);
    assert.equal(withTemp.length, 4);
    assert.deepEqual(
      withTemp.map((r) => [r.price, r.barcode, r.skuId]),
      [
        ['12.00', '', undefined],
        ['12.00', '', undefined],
        ['15.00', '', undefined],
        ['15.00', '', undefined],
      ],
    );
    const edited = withTemp.map((r, i) => ({ ...r, price: `${10 + i}.50` }));
    const more = rebuildMatrix([{ ...cup, values: ['大杯', '超大杯'] }, temp], edited);
    assert.deepEqual(
      more.map((r) => r.price),
      ['12.50', '13.50', '', ''],
    );
    assert.deepEqual(rowsToInput([{ ...emptySkuRow({}), price: '19.99', cost: '0.29' }])[0], {
      spec: {},
      price: 1999,
      listPrice: null,
      cost: 29,
      barcode: null,
      weightGrams: null,
      enabled: true,
    });
  });
});
