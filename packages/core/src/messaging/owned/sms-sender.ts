/** The shape both SMS provider clients share: template-based sending (both require approved templates). */
export type SmsProviderName = 'aliyun' | 'tencent';

export type TemplateSms = {
  phone: string;
  /** 签名: the approved sign name shown as 【…】. */
  signName: string;
  /** Aliyun TemplateCode (SMS_…) or Tencent TemplateId (digits). */
  templateCode: string;
  /** Variable values by name. */
  params: Record<string, string>;
  /** The template's variables in order (Tencent's TemplateParamSet is positional). */
  paramOrder: string[];
  /** Our reference, echoed back by the provider (Aliyun OutId, Tencent SessionContext). */
  reference?: string;
};

export type SmsSent = { messageId: string; requestId: string };

export type SmsSender = { provider: SmsProviderName; send(sms: TemplateSms): Promise<SmsSent> };

/** Mainland numbers as 11 digits (Aliyun) or E.164 (+86…, Tencent); anything else is passed on as given. */
export function normalizePhone(phone: string, form: 'national' | 'e164') {
  const p = phone.replace(/[\s-]/g, '');
  const national = /^(?:\+?86)?(1\d{10})$/.exec(p)?.[1];
  if (!national) return p;
  return form === 'national' ? national : `+86${national}`;
}
