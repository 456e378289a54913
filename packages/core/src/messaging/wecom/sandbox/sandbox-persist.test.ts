/** The demo sandbox's state survives a restart: a snapshot restored into a new sandbox answers the same. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testClock } from '../../../platform';
import { createWecomClient } from '../client';
import { generateCallbackSecrets } from '../crypto';
import { createAccessTokenStore } from '../tokens';
import { createWecomSandbox } from './sandbox';
import { serveOnLoopback } from './sandbox-http';

const CORP = 'wwpersist0000001';

async function running() {
  const clock = testClock('2026-03-02T02:00:00Z');
  const sandbox = createWecomSandbox({
    clock,
    corps: [
      { corpId: CORP, secrets: ['sec'], ...generateCallbackSecrets(), staff: [{ userid: 'zhangsan', name: '张三' }] },
    ],
  });
  const api = await serveOnLoopback((req) => sandbox.handle(req));
  const wecom = createWecomClient({
    corpId: CORP,
    secret: 'sec',
    baseUrl: api.url,
    clock,
    tokens: createAccessTokenStore(),
  });
  return { sandbox, wecom, close: () => api.close() };
}

describe('sandbox snapshots (demo restarts)', () => {
  it('keeps contact ways, contacts with their follow relations and tags, and groups', async () => {
    const first = await running();
    const way = await first.wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], state: 'lc_store1' });
    const scan = await first.sandbox.simulate.scan(CORP, way.config_id, { name: '顾客甲' });
    const tags = await first.wecom.corpTags.add({ group_name: '来源', tag: [{ name: '门店' }] });
    const tagId = tags.tag_group.tag[0]!.id;
    await first.wecom.corpTags.mark({ userid: 'zhangsan', external_userid: scan.externalUserid, add_tag: [tagId] });
    const text = first.sandbox.snapshot(CORP);
    await first.close();

    const second = await running();
    assert.equal(second.sandbox.restore(CORP, text), true);
    const got = await second.wecom.contactWays.get({ config_id: way.config_id });
    assert.equal(got.contact_way.state, 'lc_store1');
    assert.deepEqual(got.contact_way.user, ['zhangsan']);
    const contact = await second.wecom.externalContacts.get({ external_userid: scan.externalUserid });
    assert.equal(contact.external_contact.name, '顾客甲');
    assert.deepEqual(
      contact.follow_user[0]?.tags?.map((t) => t.tag_id),
      [tagId],
    );
    // the restored state is live: another scan of the same way works
    const again = await second.sandbox.simulate.scan(CORP, way.config_id, { name: '顾客乙' });
    assert.ok(again.externalUserid);
    await second.close();
  });

  it('ignores a snapshot it cannot read', async () => {
    const s = await running();
    assert.equal(s.sandbox.restore(CORP, '{not json'), false);
    assert.equal(s.sandbox.restore(CORP, JSON.stringify({ version: 99 })), false);
    await s.close();
  });
});
