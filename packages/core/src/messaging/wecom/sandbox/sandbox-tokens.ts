/**
 * DEMO AND TESTS ONLY. The sandbox's gettoken and access_token checks. As WeCom does, a token fetched
 * again while it is valid comes back unchanged (so several processes can share one), and a new one
 * is issued after it expires. Unknown corp 40013, wrong secret 40001; on a call: missing token 41001,
 * unknown 40014, expired 42001.
 */
import { randomBytes } from 'node:crypto';
import { ERR, fail, okReply, type Reply, type SbxCorp } from './sandbox-model';

type Issued = { token: string; corpId: string; secret: string; expiresAt: number };

export function createSandboxTokens(corps: Map<string, SbxCorp>, now: () => number, ttlSeconds: number) {
  const byToken = new Map<string, Issued>();
  const fetches = new Map<string, number>();

  return {
    issue(q: URLSearchParams): Reply {
      const corp = corps.get(q.get('corpid') ?? '');
      if (!corp) return fail(ERR.invalidCorpId, 'invalid corpid');
      const secret = q.get('corpsecret') ?? '';
      if (!corp.secrets.has(secret)) return fail(ERR.invalidSecret, 'invalid credential, secret');
      fetches.set(corp.corpId, (fetches.get(corp.corpId) ?? 0) + 1);
      const valid = [...byToken.values()].find(
        (t) => t.corpId === corp.corpId && t.secret === secret && t.expiresAt > now(),
      );
      if (valid) return okReply({ access_token: valid.token, expires_in: Math.ceil((valid.expiresAt - now()) / 1000) });
      const token = `sbx_${randomBytes(24).toString('base64url')}`;
      byToken.set(token, { token, corpId: corp.corpId, secret, expiresAt: now() + ttlSeconds * 1000 });
      return okReply({ access_token: token, expires_in: ttlSeconds });
    },
    authenticate(q: URLSearchParams): SbxCorp | Reply {
      const t = q.get('access_token');
      if (!t) return fail(ERR.missingToken, 'access_token missing');
      const hit = byToken.get(t);
      if (!hit) return fail(ERR.invalidToken, 'invalid access_token');
      if (hit.expiresAt <= now()) return fail(ERR.expiredToken, 'access_token expired');
      return corps.get(hit.corpId) ?? fail(ERR.invalidToken, 'invalid access_token');
    },
    revoke(corpId: string) {
      for (const [t, v] of byToken) if (v.corpId === corpId) byToken.delete(t);
    },
    fetches: (corpId: string) => fetches.get(corpId) ?? 0,
  };
}
