/** The landing page's strings (zh-CN default, en), merged into the app's languages. */
export const landingZh = {
  notFound: '页面不存在或已下线',
  notFoundHint: '活动可能已经结束，去店铺看看吧',
  toShop: '进入店铺',
  longPress: '长按识别二维码',
  scan: '用微信扫一扫二维码',
  qrPending: '二维码正在生成，请稍后刷新',
  locating: '正在为你查找最近的门店…',
  nearest: '离你最近的门店',
  distance: '距你 {{distance}}',
  denied: '未获取到你的位置，已为你展示默认二维码',
  noGeo: '当前浏览器不支持定位，已为你展示默认二维码',
  retryLocate: '重新定位',
};
export const landingEn: typeof landingZh = {
  notFound: 'This page does not exist or is offline',
  notFoundHint: 'The campaign may have ended; have a look at the shop',
  toShop: 'Go to the shop',
  longPress: 'Long-press to recognise the QR code',
  scan: 'Scan the QR code with WeChat',
  qrPending: 'The QR code is being made; refresh in a moment',
  locating: 'Finding the nearest store…',
  nearest: 'Your nearest store',
  distance: '{{distance}} away',
  denied: 'Your location is not available; showing the default QR code',
  noGeo: 'This browser cannot locate you; showing the default QR code',
  retryLocate: 'Locate again',
};
