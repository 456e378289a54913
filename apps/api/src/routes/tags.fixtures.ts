/** Shared set-up of the tag API tests (tags.test.ts, tag-rules.test.ts). */
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { type Agent, loginAs, ownerOfNewTenant, type Res } from '../testing';

export const GROUPS = '/api/admin/tag-groups';
export const TAGS = '/api/admin/tags';
export const RULES = '/api/admin/tag-rules';
export const C = '/api/admin/customers';

export const ok = (res: Res, status = 200) => {
  assert.equal(res.statusCode, status, res.body);
  return res.data;
};
export const expectError = (res: Res, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.data.error.code, code, res.body);
};
/** A 400 whose issues name `field` (zod reports `body.field`, services `field`). */
export const expectInvalid = (res: Res, field: string) => {
  assert.equal(res.statusCode, 400, res.body);
  const paths = res.data.error.details.issues.map((i: { path: string }) => i.path);
  assert.ok(
    paths.some((p: string) => p === field || p.endsWith(`.${field}`)),
    res.body,
  );
};
const phone = () => `135${String(randomInt(1e8)).padStart(8, '0')}`;

/**
 * A tenant with an interest group (multi) and a level group (single-select) and their tags.
 * The test clock stands still: `tick()` moves it a second, so creation order and "newest first" hold.
 */
export async function tagTenant() {
  const o = await ownerOfNewTenant();
  const a = o.agent;
  const tick = () => o.clock.advance(1000);
  const customer = async (name = '客户') => {
    tick();
    return ok(await a.post(C, { name, phone: phone() }), 201).id as string;
  };
  const group = async (name: string, selectMode = 'multi') => {
    tick();
    return ok(await a.post(GROUPS, { name, selectMode }), 201).id as string;
  };
  const tag = async (groupId: string, name: string) => {
    tick();
    return ok(await a.post(TAGS, { groupId, name }), 201).id as string;
  };
  const interests = await group('兴趣');
  const level = await group('等级', 'single');
  const t = {
    coffee: await tag(interests, '咖啡'),
    tea: await tag(interests, '茶'),
    gold: await tag(level, '金卡'),
    silver: await tag(level, '银卡'),
  };
  const hire = async (roleKey: string) => {
    const roles = ok(await a.get('/api/admin/roles')).items as { key: string; id: string }[];
    const email = `${randomBytes(5).toString('hex')}@tags.test`;
    const res = await a.post('/api/admin/staff', {
      name: `员工${roleKey}`,
      email,
      roleIds: [roles.find((r) => r.key === roleKey)!.id],
      mode: 'password',
      password: TEST_PASSWORD,
    });
    return { id: ok(res, 201).staff.id as string, agent: await loginAs(o.app, email, TEST_PASSWORD) };
  };
  return { ...o, a, tick, customer, group, tag, interests, level, t: { ...t, interests, level }, hire };
}

export const tagIdsOf = async (a: Agent, id: string) =>
  (ok(await a.get(`${C}/${id}/tags`)).items as { tagId: string }[]).map((x) => x.tagId).sort();
