import * as access from '@siyu/core/access';
import { inTransaction, type Runtime, withTenant } from '@siyu/core/platform';
import { seedDemoCatalog } from './seed-catalog';
import { seedDemoCustomers } from './seed-customers';
import { seedDemoOrders } from './seed-orders';

export const DEMO = { slug: 'demo', email: 'owner@demo.siyu.dev', password: 'siyu-demo' } as const;

/** Positions in WGS-84 (what a phone's geolocation answers), at the addresses given. */
export const DEMO_STORES = [
  {
    name: '静安寺店',
    code: 'SH-JA',
    address: '上海市静安区南京西路1618号',
    phone: '021-62880101',
    latitude: 31.2236,
    longitude: 121.4436,
  },
  {
    name: '徐汇滨江店',
    code: 'SH-XH',
    address: '上海市徐汇区龙腾大道2555号',
    phone: '021-64260202',
    latitude: 31.1727,
    longitude: 121.4595,
  },
  {
    name: '陆家嘴店',
    code: 'SH-LJZ',
    address: '上海市浦东新区陆家嘴环路1000号',
    phone: '021-58880303',
    latitude: 31.2384,
    longitude: 121.5024,
  },
];
const STORES = DEMO_STORES;
const DEPARTMENTS = ['运营部', '会员销售部', '客服中心', '数据分析组'];

type StaffSeed = { name: string; email: string; title: string; role: string; units: string[] };
const STAFF: StaffSeed[] = [
  { name: '周晓岚', email: 'admin', title: '运营总监', role: 'admin', units: ['总部'] },
  { name: '林子涵', email: 'linzihan', title: '社群运营', role: 'operator', units: ['运营部'] },
  { name: '陈思远', email: 'chensiyuan', title: '内容运营', role: 'operator', units: ['运营部'] },
  { name: '王雨桐', email: 'wangyutong', title: '店长', role: 'store_manager', units: ['静安寺店'] },
  { name: '刘浩然', email: 'liuhaoran', title: '店长', role: 'store_manager', units: ['徐汇滨江店'] },
  { name: '张梓萱', email: 'zhangzixuan', title: '店长', role: 'store_manager', units: ['陆家嘴店'] },
  { name: '李嘉怡', email: 'lijiayi', title: '咖啡师 / 导购', role: 'sales', units: ['静安寺店'] },
  { name: '赵一鸣', email: 'zhaoyiming', title: '导购', role: 'sales', units: ['徐汇滨江店'] },
  { name: '孙若曦', email: 'sunruoxi', title: '导购', role: 'sales', units: ['陆家嘴店'] },
  { name: '黄佳琪', email: 'huangjiaqi', title: '客服专员', role: 'service', units: ['客服中心'] },
  { name: '吴俊杰', email: 'wujunjie', title: '数据分析师', role: 'analyst', units: ['数据分析组'] },
];

/**
 * The demo tenant: 拾光咖啡烘焙, a coffee-and-bakery brand with three Shanghai stores, departments and
 * twelve staff across the roles, customers, the catalog and a year of orders. Deterministic content; later issues extend it.
 * Returns false when the tenant exists already.
 */
export async function seedDemo(rt: Runtime): Promise<boolean> {
  const exists = await access.getTenantBySlug(rt.db, DEMO.slug).then(
    () => true,
    () => false,
  );
  if (exists) {
    await positionDemoStores(rt);
    return false;
  }
  const base = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'seed' } });
  await inTransaction(base, async (tx) => {
    const { tenantId, roleIds } = await access.createTenant(tx.db, tx.clock, {
      slug: DEMO.slug,
      name: '拾光咖啡烘焙',
      brandName: '拾光咖啡',
      owner: { name: '沈明远', email: DEMO.email, password: DEMO.password },
    });
    const seedCtx = withTenant(tx, tenantId);
    const units: Record<string, string> = {};
    const hq = await access.createOrgUnit(seedCtx, { parentId: null, kind: 'department', name: '总部' });
    units.总部 = hq.id;
    for (const d of DEPARTMENTS)
      units[d] = (await access.createOrgUnit(seedCtx, { parentId: hq.id, kind: 'department', name: d })).id;
    const retail = await access.createOrgUnit(seedCtx, { parentId: null, kind: 'department', name: '门店事业部' });
    for (const s of STORES)
      units[s.name] = (await access.createOrgUnit(seedCtx, { parentId: retail.id, kind: 'store', ...s })).id;
    const manager = await access.createRole(seedCtx, access.STORE_MANAGER_TEMPLATE);
    const roleOf = (key: string) => (key === 'store_manager' ? manager.id : roleIds[key]!);
    for (const s of STAFF) {
      await access.createStaff(
        seedCtx,
        {
          name: s.name,
          email: `${s.email}@demo.siyu.dev`,
          title: s.title,
          roleIds: [roleOf(s.role)],
          orgUnitIds: s.units.map((u) => units[u]!),
          mode: 'password',
          password: DEMO.password,
        },
        rt.config.publicUrl,
      );
    }
  });
  await seedDemoCustomers(rt, DEMO.slug);
  await seedDemoCatalog(rt, DEMO.slug);
  await seedDemoOrders(rt, DEMO.slug);
  await rt.drain();
  return true;
}

/** A demo seeded before stores had positions: give its stores (found by name) their coordinates. */
async function positionDemoStores(rt: Runtime) {
  const tenant = await access.getTenantBySlug(rt.db, DEMO.slug);
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  for (const unit of (await access.listOrgUnits(ctx)).items) {
    const s = DEMO_STORES.find((x) => x.name === unit.name);
    if (s && unit.kind === 'store' && unit.latitude === null)
      await access.updateOrgUnit(ctx, unit.id, { latitude: s.latitude, longitude: s.longitude });
  }
}
