import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeFilterCount, filterQuery, readFilter, writeFilter } from './feed-filter';
import { formatFen, parseYuan, yuanText } from './money';
import { withRecent } from './recent-searches';
import { safeUrl } from './RichText';
import { initialPick, missingNames, optionState, pickedSku, type ShopSkuView, togglePick } from './spec-choice';

describe('shop catalog: money', () => {
  it('shows fen as yuan with two decimals', () => {
    assert.equal(formatFen(1230), '¥12.30');
    assert.equal(formatFen(5), '¥0.05');
    assert.equal(formatFen(0), '¥0.00');
    assert.equal(formatFen(123456789), '¥1234567.89');
  });
  it('reads a typed price as fen without floating point', () => {
    assert.equal(parseYuan('12'), 1200);
    assert.equal(parseYuan('12.3'), 1230);
    assert.equal(parseYuan(' 0.29 '), 29);
    assert.equal(parseYuan('12.'), 1200);
    for (const bad of ['', '1.234', '-1', 'abc', '1e3']) assert.equal(parseYuan(bad), null, bad);
    assert.equal(yuanText(1230), '12.3');
    assert.equal(yuanText(1200), '12');
    assert.equal(yuanText(1205), '12.05');
    assert.equal(yuanText(undefined), '');
  });
});

const sku = (cup: string, temp: string, available: number): ShopSkuView => ({
  id: `sku_${cup}${temp}`,
  spec: { 杯型: cup, 温度: temp },
  specText: `${cup} / ${temp}`,
  price: cup === '大杯' ? 3200 : 2800,
  listPrice: null,
  available,
});
const specs = [
  { name: '杯型', values: ['中杯', '大杯'] },
  { name: '温度', values: ['热', '冰'] },
];
// 大杯/热 is not sold at all; 大杯/冰 is sold out.
const skus = [sku('中杯', '热', 5), sku('中杯', '冰', 20), sku('大杯', '冰', 0)];

describe('shop catalog: spec chips', () => {
  it('disables values the merchant does not sell or that are sold out, given the other picks', () => {
    assert.equal(optionState(skus, {}, '杯型', '中杯'), 'available');
    assert.equal(optionState(skus, {}, '杯型', '大杯'), 'sold_out');
    assert.equal(optionState(skus, { 杯型: '大杯' }, '温度', '热'), 'unavailable');
    assert.equal(optionState(skus, { 杯型: '大杯' }, '温度', '冰'), 'sold_out');
    assert.equal(optionState(skus, { 杯型: '中杯' }, '温度', '冰'), 'available');
    // the attribute's own pick does not constrain its values
    assert.equal(optionState(skus, { 杯型: '中杯', 温度: '热' }, '温度', '冰'), 'available');
  });
  it('finds the SKU once every attribute is picked', () => {
    assert.equal(pickedSku(specs, skus, { 杯型: '中杯' }), null);
    assert.equal(pickedSku(specs, skus, { 杯型: '中杯', 温度: '冰' })?.id, 'sku_中杯冰');
    assert.equal(pickedSku([], [{ ...skus[0]!, spec: {} }], {})?.id, 'sku_中杯热');
    assert.deepEqual(missingNames(specs, { 温度: '冰' }), ['杯型']);
  });
  it('picks single values up front and un-picks on a second tap', () => {
    assert.deepEqual(initialPick(specs, skus), {});
    assert.deepEqual(initialPick([{ name: '杯型', values: ['中杯'] }], [{ ...skus[0]!, spec: { 杯型: '中杯' } }]), {
      杯型: '中杯',
    });
    assert.deepEqual(togglePick({ 杯型: '中杯' }, '杯型', '大杯'), { 杯型: '大杯' });
    assert.deepEqual(togglePick({ 杯型: '中杯' }, '杯型', '中杯'), {});
    assert.deepEqual(togglePick({ 杯型: '中杯' }, '杯型', undefined), {});
  });
});

describe('shop catalog: list filters in the URL', () => {
  it('round-trips sort, price range and stock, keeping other params', () => {
    const params = writeFilter(new URLSearchParams('q=拿铁'), {
      sort: 'price_desc',
      priceMin: 1000,
      priceMax: 3000,
      inStock: true,
    });
    assert.equal(params.get('q'), '拿铁');
    assert.deepEqual(readFilter(params), { sort: 'price_desc', priceMin: 1000, priceMax: 3000, inStock: true });
    assert.deepEqual(filterQuery(readFilter(params)), {
      sort: 'price_desc',
      priceMin: 1000,
      priceMax: 3000,
      inStock: 'true',
    });
    assert.equal(activeFilterCount(readFilter(params)), 2);
    assert.equal(writeFilter(params, { sort: 'relevance' }).toString(), new URLSearchParams('q=拿铁').toString());
  });
  it('ignores nonsense and swaps a reversed range', () => {
    assert.deepEqual(readFilter(new URLSearchParams('sort=cheapest&priceMin=-1&inStock=yes')), {
      sort: 'relevance',
      priceMin: undefined,
      priceMax: undefined,
      inStock: undefined,
    });
    const f = readFilter(new URLSearchParams('priceMin=3000&priceMax=1000'));
    assert.deepEqual([f.priceMin, f.priceMax], [1000, 3000]);
  });
});

describe('shop catalog: recent searches', () => {
  it('moves a repeated word to the front and keeps ten', () => {
    assert.deepEqual(withRecent(['a', 'b', 'c'], 'b'), ['b', 'a', 'c']);
    const many = Array.from({ length: 10 }, (_, i) => `w${i}`);
    assert.deepEqual(withRecent(many, 'new').length, 10);
    assert.equal(withRecent(many, 'new')[0], 'new');
  });
});

describe('shop catalog: description links and images', () => {
  it('keeps http(s) and same-site paths, drops script and data URLs', () => {
    assert.equal(safeUrl('/api/shop/t/demo/catalog/images/img_1', 'image'), '/api/shop/t/demo/catalog/images/img_1');
    assert.equal(safeUrl('https://example.com/a.png', 'image'), 'https://example.com/a.png');
    assert.equal(safeUrl('mailto:shop@example.com', 'link'), 'mailto:shop@example.com');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:image/png;base64,AA',
      '//evil.example/x',
      '/\\evil.example/x',
    ])
      assert.equal(safeUrl(bad, 'link'), null, bad);
    assert.equal(safeUrl('mailto:shop@example.com', 'image'), null);
    assert.equal(safeUrl(null, 'image'), null);
  });
});
