// Tasklist for the acquirer's staff: Simplified Chinese unless the browser asks for English, dates written the
// mainland way by the zh locale (2026年12月2日 14:30), and the desk's own script (Chinese validation messages, business time zone).
export default {
  app: {
    name: '任务列表',
    vendor: '解绑受理台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the business time zone: Tasklist shows times in the computer's zone and says so when the two differ
  businessTimeZone: 'Asia/Shanghai',
  customScripts: ['scripts/unbind-desk/desk', 'scripts/unbind-desk/zone-notice'],
  // a new task list user is shown their filters, not Camunda's welcome page
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '跳到第一个筛选器'},
    focusList: {key: 'ctrl+alt+l', description: '跳到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起受理的对话框'}
  }
};
