/** Typed callback events from XML and JSON plaintexts, and the identity retries are deduplicated by. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCallbackXml, parseCallbackXml } from './callback';
import { callbackIdentity, parseWecomEvent } from './events';

const base = { ToUserName: 'ww1', FromUserName: 'sys', CreateTime: 1700000000, MsgType: 'event' };

describe('parseWecomEvent', () => {
  it('reads an add_external_contact with State and WelcomeCode from XML', () => {
    const xml = buildCallbackXml({
      ...base,
      Event: 'change_external_contact',
      ChangeType: 'add_external_contact',
      UserID: 'zhangsan',
      ExternalUserID: 'wmAAA',
      State: 'lc_01',
      WelcomeCode: 'CODE',
    });
    assert.deepEqual(parseWecomEvent(parseCallbackXml(xml)), {
      corpId: 'ww1',
      createTime: 1700000000,
      kind: 'contact',
      changeType: 'add_external_contact',
      userId: 'zhangsan',
      externalUserId: 'wmAAA',
      state: 'lc_01',
      welcomeCode: 'CODE',
      source: undefined,
      failReason: undefined,
    });
  });

  it('reads group changes with one or several members, from XML and from JSON', () => {
    const one = parseCallbackXml(
      buildCallbackXml({
        ...base,
        Event: 'change_external_chat',
        ChatId: 'wr1',
        ChangeType: 'update',
        UpdateDetail: 'add_member',
        JoinScene: 3,
        MemChangeList: ['wm1'],
      }),
    );
    const e1 = parseWecomEvent(one);
    assert.ok(e1.kind === 'chat');
    assert.deepEqual(e1.memChangeList, ['wm1']);
    assert.equal(e1.joinScene, 3);
    const e2 = parseWecomEvent({
      ...base,
      Event: 'change_external_chat',
      ChatId: 'wr1',
      ChangeType: 'update',
      MemChangeList: { Item: ['a', 'b'] },
    });
    assert.ok(e2.kind === 'chat');
    assert.deepEqual(e2.memChangeList, ['a', 'b']);
    const e3 = parseWecomEvent({ ...base, Event: 'change_external_chat', ChatId: 'wr1', ChangeType: 'dismiss' });
    assert.ok(e3.kind === 'chat');
    assert.deepEqual(e3.memChangeList, []);
  });

  it('reads tag changes and keeps anything else as "other"', () => {
    const t = parseWecomEvent({
      ...base,
      Event: 'change_external_tag',
      Id: 'et1',
      TagType: 'tag',
      ChangeType: 'delete',
    });
    assert.deepEqual([t.kind, t.kind === 'tag' && t.id], ['tag', 'et1']);
    const o = parseWecomEvent({ ...base, Event: 'change_external_contact', ChangeType: 'msg_audit_approved' });
    assert.equal(o.kind, 'other');
    assert.equal(parseWecomEvent({ ...base, MsgType: 'text', Content: 'hi' }).kind, 'other');
  });
});

describe('callbackIdentity', () => {
  it('uses MsgId when there is one, otherwise the fields, whatever their order', () => {
    assert.equal(callbackIdentity({ MsgId: '4561255354251345929', Content: 'x' }), 'msg:4561255354251345929');
    const a = callbackIdentity({ ...base, Event: 'e', UserID: 'u' });
    const b = callbackIdentity({ UserID: 'u', Event: 'e', ...base });
    assert.equal(a, b);
    assert.notEqual(a, callbackIdentity({ ...base, Event: 'e', UserID: 'v' }));
  });
});
