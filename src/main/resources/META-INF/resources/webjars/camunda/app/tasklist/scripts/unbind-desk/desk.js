// The desk's additions to Tasklist, loaded through config.js (customScripts):
// - the forms' validation messages as Chinese sentences (form-js writes them in English, a pattern as a regex);
// - risk levels in the task list's columns as names, not codes;
// - a notice when this computer's time zone is not the business time zone (Tasklist shows times in the
//   computer's zone: it has no setting of its own for this).
// Nothing here is needed for a rule to hold: the engine refuses what the forms let through.

const conf = window.camTasklistConf || {};
const businessZone = conf.businessTimeZone || 'Asia/Shanghai';
const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'zh'];
const chosen = languages.map(l => String(l).toLowerCase()).find(l => l.startsWith('zh') || l.startsWith('en'));
const chinese = !chosen || chosen.startsWith('zh');

// what each field expects, said as a sentence, for a value that does not fit its pattern
const PATTERN_MESSAGES = {
  merchantNo: '商户号应为15位数字。',
  terminalId: '终端号应为8位字母或数字。',
  applicantIdNumber: '身份证号应为18位：前17位是数字，最后一位是数字或X。',
  applicantPhone: '手机号应为以1开头的11位数字。',
  documents: '请填写说明中列出的材料代码，多项之间用英文逗号分隔。',
  additionalDocuments: '请填写说明中列出的材料代码，多项之间用英文逗号分隔。',
  missingDocuments: '请填写说明中列出的材料代码，多项之间用英文逗号分隔。',
  rejectionReason: '请写明原因，不能只填空格。',
  accountIssueResolution: '请写明处理情况，不能只填空格。'
};

const RISK_LEVELS = {HIGH: '高', MEDIUM: '中', LOW: '低'};

function fieldKey(errorElement) {
  const field = errorElement.closest('.fjs-form-field');
  const input = field && field.querySelector('[id*="Field_"]');
  const match = input && /Field_([A-Za-z]+)/.exec(input.id);
  return match ? match[1] : null;
}

function isChoice(errorElement) {
  const field = errorElement.closest('.fjs-form-field');
  return !!(field && field.querySelector('input[type="radio"], input[type="checkbox"], .fjs-input-group input[readonly]'));
}

function sentence(message, errorElement) {
  const text = message.trim();
  if (text === 'Field is required.') {
    return isChoice(errorElement) ? '请选择一项。' : '请填写此项。';
  }
  if (text.startsWith('Field must match pattern')) {
    return PATTERN_MESSAGES[fieldKey(errorElement)] || '填写的格式不对，请按说明填写。';
  }
  let m = /^Field must have maximum length of (\d+)\.$/.exec(text);
  if (m) {
    return '最多填写' + m[1] + '个字。';
  }
  m = /^Field must have minimum length of (\d+)\.$/.exec(text);
  if (m) {
    return '至少填写' + m[1] + '个字。';
  }
  if (text === 'Value is not a number.') {
    return '请填写数字。';
  }
  return null;
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error').forEach(errorElement => {
    const walker = document.createTreeWalker(errorElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const replacement = sentence(node.data, errorElement);
      if (replacement && replacement !== node.data) {
        node.data = replacement;
      }
    }
  });
}

function translateRiskLevels(root) {
  root.querySelectorAll('.tasks-list .variable-value').forEach(value => {
    const name = RISK_LEVELS[value.textContent.trim()];
    if (name && value.firstChild && value.firstChild.nodeType === Node.TEXT_NODE) {
      value.firstChild.data = name;
    }
  });
}

function zoneNotice() {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (local === businessZone || document.querySelector('.unbind-desk-notice')) {
    return;
  }
  const zoneName = businessZone === 'Asia/Shanghai' ? '北京时间（Asia/Shanghai）' : businessZone;
  const notice = document.createElement('div');
  notice.className = 'unbind-desk-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = chinese
    ? '本机时区为 ' + local + '，与业务时间' + zoneName + '不同：页面上的日期和时间按本机时区显示。请把电脑的时区设为业务时区。'
    : 'This computer is set to ' + local + ', not the business time zone ' + businessZone
      + ': dates and times here are shown in the computer\'s zone. Set the computer to the business time zone.';
  document.body.insertBefore(notice, document.body.firstChild);
}

// The engine wraps a refusal of ours in its own words ("ENGINE-03051 There was an exception while invoking the
// TaskListener. Message: 'Exception while invoking TaskListener: …'"): staff read only the refusal itself.
const ENGINE_WRAPPING = /^\s*ENGINE-\d+ [^:]*?Message: '(?:[^:']*?: )?(.*?)'?\s*$/s;

function unwrapRefusals(root) {
  root.querySelectorAll('.notifications .notification, .alert').forEach(notification => {
    const walker = document.createTreeWalker(notification, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = ENGINE_WRAPPING.exec(node.data);
      if (match && match[1] && match[1] !== node.data) {
        node.data = match[1];
      }
    }
  });
}

if (chinese) {
  new MutationObserver(() => {
    translateErrors(document);
    translateRiskLevels(document);
    unwrapRefusals(document);
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
if (document.body) {
  zoneNotice();
} else {
  document.addEventListener('DOMContentLoaded', zoneNotice);
}

export default [];
