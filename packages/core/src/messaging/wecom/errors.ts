/**
 * WeCom's `errcode`s mapped to typed errors. Codes and meanings are from WeCom's global error code
 * list (doc 90313, as copied in WxJava's WxCpErrorMsgEnum) and the endpoint docs named in
 * ../shared/notes/wecom-and-scrm.md. A `WecomError` keeps the raw errcode and errmsg.
 */
export type WecomErrorCode =
  | 'TOKEN_EXPIRED' // 40014, 42001, 41001: refresh the access_token and retry once
  | 'RATE_LIMITED' // 45009 frequency, 45033 concurrency: retried with backoff
  | 'BUSY' // -1: system busy, retried (≤ 3 times)
  | 'INVALID_CREDENTIALS' // 40001, 40013, 40091, 41002, 41004: wrong corp id or secret
  | 'IP_NOT_ALLOWED' // 60020: the server IP is not in the app's trusted IPs
  | 'NO_PERMISSION' // 48002, 60011, 50002, 84074: app lacks the API or the member is out of scope
  | 'NOT_FOUND' // 40003, 46004, 60111 (member), 40096, 84061 (customer/relation), 86001, 86003, 40050 (chat), 40068 (tag)
  | 'INVALID_PARAM' // 40058, 40035, 40063, 40031, 40032, 44004; media: 40004 type, 40005 file type, 40006 size, 40007 media_id
  | 'CONFLICT' // 40071: a tag with that name exists
  | 'WELCOME_ALREADY_SENT' // 41051: "externaluser has started chatting" — another app sent first, or the code was used (doc 92599)
  | 'LIMIT_REACHED' // 45024 account count, and per-object caps reported by an endpoint
  | 'REJECTED' // any other non-zero errcode
  | 'UNAVAILABLE' // network failure, timeout or a non-200 HTTP status
  | 'MALFORMED_RESPONSE' // the answer is not JSON or not the documented shape
  | 'INVALID_INPUT'; // our own request failed its schema before it was sent

const BY_ERRCODE: Record<number, WecomErrorCode> = {
  [-1]: 'BUSY',
  40014: 'TOKEN_EXPIRED',
  42001: 'TOKEN_EXPIRED',
  41001: 'TOKEN_EXPIRED',
  45009: 'RATE_LIMITED',
  45033: 'RATE_LIMITED',
  40001: 'INVALID_CREDENTIALS',
  40013: 'INVALID_CREDENTIALS',
  40091: 'INVALID_CREDENTIALS',
  41002: 'INVALID_CREDENTIALS',
  41004: 'INVALID_CREDENTIALS',
  60020: 'IP_NOT_ALLOWED',
  48002: 'NO_PERMISSION',
  60011: 'NO_PERMISSION',
  50002: 'NO_PERMISSION',
  84074: 'NO_PERMISSION',
  40003: 'NOT_FOUND',
  46004: 'NOT_FOUND',
  60111: 'NOT_FOUND',
  40096: 'NOT_FOUND',
  84061: 'NOT_FOUND',
  86001: 'NOT_FOUND',
  86003: 'NOT_FOUND',
  40050: 'NOT_FOUND',
  40068: 'NOT_FOUND',
  40058: 'INVALID_PARAM',
  40035: 'INVALID_PARAM',
  40063: 'INVALID_PARAM',
  40031: 'INVALID_PARAM',
  40032: 'INVALID_PARAM',
  44004: 'INVALID_PARAM',
  40004: 'INVALID_PARAM',
  40005: 'INVALID_PARAM',
  40006: 'INVALID_PARAM',
  40007: 'INVALID_PARAM',
  40071: 'CONFLICT',
  41051: 'WELCOME_ALREADY_SENT',
  45024: 'LIMIT_REACHED',
};

/** Codes the transport retries on its own. */
export const RETRYABLE: ReadonlySet<WecomErrorCode> = new Set(['RATE_LIMITED', 'BUSY', 'UNAVAILABLE']);

export class WecomError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly code: WecomErrorCode,
    message: string,
    readonly details: { errcode?: number; errmsg?: string; path?: string; httpStatus?: number } = {},
  ) {
    super(message);
    this.name = 'WecomError';
    this.retryable = RETRYABLE.has(code);
  }
  get errcode() {
    return this.details.errcode;
  }
  get errmsg() {
    return this.details.errmsg;
  }
}

export const wecomErrorCodeOf = (errcode: number): WecomErrorCode => BY_ERRCODE[errcode] ?? 'REJECTED';

export function errorFromErrcode(errcode: number, errmsg: string, path: string): WecomError {
  return new WecomError(wecomErrorCodeOf(errcode), `WeCom ${path}: ${errcode} ${errmsg}`, { errcode, errmsg, path });
}
