// Simplified Chinese unless the browser asks for English (dates written the mainland way by the zh locale).
export default {
  app: {
    name: '管理',
    vendor: '解绑受理台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the business time zone: the app shows times in the computer's zone and says so when the two differ (the notice
  // is Tasklist's, one script for the three apps)
  businessTimeZone: 'Asia/Shanghai',
  customScripts: ['../tasklist/scripts/unbind-desk/zone-notice']
};
