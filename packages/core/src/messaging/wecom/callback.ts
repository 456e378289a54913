/**
 * Callback envelopes: WeCom POSTs either XML (`<xml><ToUserName/><Encrypt/><AgentID/></xml>`) or,
 * for callbacks configured as JSON, `{"tousername","encrypt","agentid"}` (the official JSON samples
 * use these lower-case keys; the capitalised ones are accepted too). The decrypted message has the
 * same format as its envelope. URL verification (GET) answers the bare plaintext.
 */
import { XMLParser } from 'fast-xml-parser';
import { type CallbackKeys, decryptSigned, encryptSigned, type SignedQuery, WecomCryptoError } from './crypto';

export type CallbackFormat = 'xml' | 'json';
export type CallbackEnvelope = { toUserName: string; encrypt: string; agentId: string; format: CallbackFormat };
/** A decrypted delivery: the plaintext and its fields (XML elements or JSON keys, values as given). */
export type DecryptedCallback = {
  format: CallbackFormat;
  plaintext: string;
  fields: Record<string, unknown>;
  envelope: CallbackEnvelope;
};

const xml = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: false,
  processEntities: true,
});

/** Parses WeCom's flat `<xml>…</xml>` into its fields (strings; repeated elements become arrays). */
export function parseCallbackXml(text: string): Record<string, unknown> {
  // WeCom never sends a DTD; refusing one rules out entity-expansion tricks in unverified envelopes.
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw new WecomCryptoError('MALFORMED', 'a DTD is not allowed');
  let doc: unknown;
  try {
    doc = xml.parse(text, true);
  } catch (e) {
    throw new WecomCryptoError('MALFORMED', `not XML: ${e instanceof Error ? e.message : 'parse error'}`);
  }
  const root = (doc as Record<string, unknown> | undefined)?.xml;
  if (!root || typeof root !== 'object') throw new WecomCryptoError('MALFORMED', 'no <xml> root element');
  return root as Record<string, unknown>;
}

const cdata = (v: string) => `<![CDATA[${v.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** Builds WeCom-style XML: strings as CDATA, numbers bare, arrays as repeated `<Item>`s. */
export function buildCallbackXml(fields: Record<string, string | number | readonly string[] | undefined>): string {
  const parts = Object.entries(fields).flatMap(([k, v]) => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return [`<${k}>${v.map((i) => `<Item>${cdata(i)}</Item>`).join('')}</${k}>`];
    return [`<${k}>${typeof v === 'number' ? v : cdata(String(v))}</${k}>`];
  });
  return `<xml>${parts.join('')}</xml>`;
}

const pick = (o: Record<string, unknown>, ...keys: string[]) => {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return String(o[k]);
  return '';
};

/** Reads the envelope of a delivery: JSON when it starts with `{`, XML otherwise. */
export function parseEnvelope(body: string | Buffer): CallbackEnvelope {
  const text = (Buffer.isBuffer(body) ? body.toString('utf8') : body).trim();
  if (!text) throw new WecomCryptoError('MALFORMED', 'empty body');
  if (text.startsWith('{')) {
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new WecomCryptoError('MALFORMED', 'body is not valid JSON');
    }
    const encrypt = pick(o, 'encrypt', 'Encrypt');
    if (!encrypt) throw new WecomCryptoError('MALFORMED', 'no encrypt field in the JSON envelope');
    return {
      format: 'json',
      encrypt,
      toUserName: pick(o, 'tousername', 'ToUserName'),
      agentId: pick(o, 'agentid', 'AgentID'),
    };
  }
  const f = parseCallbackXml(text);
  const encrypt = pick(f, 'Encrypt');
  if (!encrypt) throw new WecomCryptoError('MALFORMED', 'no <Encrypt> element in the XML envelope');
  return { format: 'xml', encrypt, toUserName: pick(f, 'ToUserName'), agentId: pick(f, 'AgentID') };
}

/** Verifies the signature over the envelope's `Encrypt`, decrypts it, and parses the plaintext. */
export function decryptCallback(keys: CallbackKeys, query: SignedQuery, body: string | Buffer): DecryptedCallback {
  const envelope = parseEnvelope(body);
  const { message } = decryptSigned(keys, query, envelope.encrypt);
  let fields: Record<string, unknown>;
  if (envelope.format === 'json') {
    try {
      fields = JSON.parse(message) as Record<string, unknown>;
    } catch {
      throw new WecomCryptoError('MALFORMED', 'decrypted message is not JSON');
    }
  } else {
    fields = parseCallbackXml(message);
  }
  return { format: envelope.format, plaintext: message, fields, envelope };
}

/** WeCom's side of a delivery: the signed query string and the envelope body to POST. */
export function encryptCallback(
  keys: CallbackKeys,
  plaintext: string,
  opts: { format: CallbackFormat; timestamp: string; nonce?: string; agentId?: string },
): { query: { msg_signature: string; timestamp: string; nonce: string }; body: string; contentType: string } {
  const s = encryptSigned(keys, plaintext, opts);
  const query = { msg_signature: s.msgSignature, timestamp: s.timestamp, nonce: s.nonce };
  if (opts.format === 'json') {
    const body = JSON.stringify({ tousername: keys.receiveId, encrypt: s.encrypt, agentid: opts.agentId ?? '' });
    return { query, body, contentType: 'application/json' };
  }
  const body = buildCallbackXml({ ToUserName: keys.receiveId, Encrypt: s.encrypt, AgentID: opts.agentId ?? '' });
  return { query, body, contentType: 'text/xml' };
}
