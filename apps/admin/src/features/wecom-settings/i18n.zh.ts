/** Strings of the WeCom settings page (简体中文, the default). */
export const wecomSettingsZh = {
  nav: '企业微信设置',
  title: '企业微信设置',
  intro: '本品牌自己的企业微信自建应用与回调配置。Secret 与 EncodingAESKey 加密保存，Secret 保存后不再显示。',
  empty:
    '尚未连接企业微信。按下面 5 步完成配置：在企业微信管理后台创建自建应用，把信息填到这里，再把回调地址填回企业微信。',
  secretsMissing: '服务器未配置主密钥 SIYU_SECRET_KEY，无法保存 Secret。请联系运维人员设置后重试。',
  demoSandbox:
    '当前连接的是演示用的企业微信沙箱（模拟企业微信，不连接真实企业）。改填真实企业 ID 即切换为真实企业微信。',
  corpId: '企业 ID（CorpID）',
  secretSet: '已设置',
  secretKeep: '已设置：留空则保持不变，填写则替换',
  secretHint: '自建应用详情页的 Secret（在企业微信客户端中查看）',
  callbackUrl: '回调 URL（复制后填到企业微信）',
  generate: '随机生成 Token 与 EncodingAESKey',
  saveBeforeWecom: '先在这里保存，再到企业微信保存回调配置：企业微信保存时会立即用它们验证此 URL。',
  save: '保存',
  saved: '已保存',
  test: '测试连接',
  testPassed: '连接正常',
  testFailed: '连接未通过',
  testNothing: '保存设置后即可测试连接。',
  steps: {
    corp: { title: '企业 ID', hint: '企业微信管理后台 → 我的企业 → 企业信息 → 企业ID。' },
    app: {
      title: '自建应用',
      hint: '应用管理 → 自建 → 创建应用；在应用详情中找到 AgentId 与 Secret。',
    },
    callback: {
      title: '接收事件回调',
      hint: '应用详情 → 接收消息 → 设置API接收：填入下面的 URL、Token 与 EncodingAESKey（可随机生成）。',
    },
    console: {
      title: '企业微信后台的其他设置',
      hint: '这些设置只能在企业微信管理后台完成，完成后逐项勾选（仅作提醒，不会保存）。',
    },
    test: {
      title: '保存并测试',
      hint: '测试会依次获取 access_token、读取客户联系成员、读取企业客户标签，并指出哪一步失败。',
    },
  },
  check: {
    trustedIp: '应用详情 → 企业可信IP：已添加本系统服务器的出口 IP',
    customerContact: '客户与上下游 → 客户联系 → API → 可调用接口的应用：已选择此自建应用',
    callbackSaved: '应用的“接收消息服务器配置”已在企业微信中保存成功',
  },
  step: { access_token: '获取 access_token', customer_contact: '客户联系权限', corp_tags: '企业客户标签' },
  problem: {
    WRONG_CORP_ID: '企业 ID 不正确',
    WRONG_SECRET: 'Secret 不正确（或不是此应用的 Secret）',
    IP_NOT_TRUSTED: '服务器 IP 不在应用的“企业可信IP”中',
    NO_CUSTOMER_CONTACT_PERMISSION: '此应用未加入“客户联系 → 可调用接口的应用”',
    NO_MEMBERS_WITH_CUSTOMER_CONTACT: '还没有成员开通客户联系功能',
    UNREACHABLE: '无法连接企业微信服务器',
    REJECTED: '企业微信拒绝了请求',
  },
};
