/**
 * What went wrong with an SMS, whichever provider said it. Provider codes map to one of our kinds
 * (tables below, as data); unknown codes keep the provider's code and message and count as PROVIDER.
 */
export type SmsErrorKind =
  | 'RATE_LIMITED' // per-number frequency (minute / 30 s / hour)
  | 'DAILY_LIMIT' // per-number or account daily cap
  | 'INVALID_PHONE'
  | 'SIGN_NAME' // signature (签名) missing or not approved
  | 'TEMPLATE' // template unknown or not approved
  | 'TEMPLATE_PARAMS' // variables missing or not matching the template
  | 'BALANCE' // account out of credit or package
  | 'AUTH' // keys wrong, signature mismatch, clock skew
  | 'BLOCKED' // number on a blacklist or content blocked
  | 'PROVIDER' // any other answer of the provider
  | 'NETWORK'; // no answer (timeout, refused, not JSON)

export class SmsError extends Error {
  constructor(
    readonly kind: SmsErrorKind,
    /** The provider's own code (e.g. isv.BUSINESS_LIMIT_CONTROL), or ours for NETWORK. */
    readonly providerCode: string,
    message: string,
    /** The provider's request id, when it answered. */
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'SmsError';
  }
  /** Worth trying again later (rate limits, network), as opposed to a fix needed in settings. */
  get retryable() {
    return this.kind === 'RATE_LIMITED' || this.kind === 'NETWORK';
  }
}

/** Alibaba Cloud dysmsapi codes (SendSms 错误码). */
export const ALIYUN_SMS_ERRORS: Record<string, SmsErrorKind> = {
  'isv.BUSINESS_LIMIT_CONTROL': 'RATE_LIMITED',
  'isv.DAY_LIMIT_CONTROL': 'DAILY_LIMIT',
  'isv.MOBILE_NUMBER_ILLEGAL': 'INVALID_PHONE',
  'isv.MOBILE_COUNT_OVER_LIMIT': 'INVALID_PHONE',
  'isv.SMS_SIGNATURE_ILLEGAL': 'SIGN_NAME',
  'isv.SIGN_NAME_ILLEGAL': 'SIGN_NAME',
  'isv.SMS_SIGN_ILLEGAL': 'SIGN_NAME',
  'isv.SMS_TEMPLATE_ILLEGAL': 'TEMPLATE',
  'isv.TEMPLATE_MISSING_PARAMETERS': 'TEMPLATE_PARAMS',
  'isv.TEMPLATE_PARAMS_ILLEGAL': 'TEMPLATE_PARAMS',
  'isv.INVALID_JSON_PARAM': 'TEMPLATE_PARAMS',
  'isv.PARAM_LENGTH_LIMIT': 'TEMPLATE_PARAMS',
  'isv.AMOUNT_NOT_ENOUGH': 'BALANCE',
  'isv.OUT_OF_SERVICE': 'BALANCE',
  'isv.BLACK_KEY_CONTROL_LIMIT': 'BLOCKED',
  'isv.DENY_IP_RANGE': 'AUTH',
  'isv.ACCOUNT_NOT_EXISTS': 'AUTH',
  'isv.ACCOUNT_ABNORMAL': 'AUTH',
  SignatureDoesNotMatch: 'AUTH',
  'InvalidAccessKeyId.NotFound': 'AUTH',
  'InvalidAccessKeyId.Inactive': 'AUTH',
  'InvalidTimeStamp.Expired': 'AUTH',
  SignatureNonceUsed: 'AUTH',
  'Forbidden.RAM': 'AUTH',
};

/** Tencent Cloud SMS 2021-01-11 codes (top-level Error.Code or a SendStatus.Code). */
export const TENCENT_SMS_ERRORS: Record<string, SmsErrorKind> = {
  'LimitExceeded.PhoneNumberThirtySecondLimit': 'RATE_LIMITED',
  'LimitExceeded.PhoneNumberOneHourLimit': 'RATE_LIMITED',
  'LimitExceeded.PhoneNumberSameContentDailyLimit': 'DAILY_LIMIT',
  'LimitExceeded.PhoneNumberDailyLimit': 'DAILY_LIMIT',
  'LimitExceeded.DailyLimit': 'DAILY_LIMIT',
  'LimitExceeded.DeliveryFrequencyLimit': 'RATE_LIMITED',
  'InvalidParameterValue.IncorrectPhoneNumber': 'INVALID_PHONE',
  'LimitExceeded.PhoneNumberCountLimit': 'INVALID_PHONE',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'SIGN_NAME',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'TEMPLATE',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': 'TEMPLATE_PARAMS',
  'InvalidParameterValue.TemplateParameterFormatError': 'TEMPLATE_PARAMS',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'TEMPLATE_PARAMS',
  'FailedOperation.InsufficientBalanceInSmsPackage': 'BALANCE',
  'FailedOperation.PhoneNumberInBlacklist': 'BLOCKED',
  'FailedOperation.ContainSensitiveWord': 'BLOCKED',
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': 'AUTH',
  'AuthFailure.SignatureFailure': 'AUTH',
  'AuthFailure.SignatureExpire': 'AUTH',
  'AuthFailure.SecretIdNotFound': 'AUTH',
  'AuthFailure.InvalidAuthorization': 'AUTH',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': 'BLOCKED',
};

export const smsErrorOf = (
  table: Record<string, SmsErrorKind>,
  code: string,
  message: string,
  requestId: string | null,
) => new SmsError(table[code] ?? 'PROVIDER', code, `${code}: ${message}`, requestId);
