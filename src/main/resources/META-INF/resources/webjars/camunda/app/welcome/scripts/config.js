// Simplified Chinese unless the browser asks for English (dates written the mainland way by the zh locale).
export default {
  app: {
    name: '欢迎',
    vendor: '解绑受理台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
