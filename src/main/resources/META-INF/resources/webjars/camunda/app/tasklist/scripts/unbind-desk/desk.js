// The desk's additions to Tasklist, loaded through config.js (customScripts):
// - the forms' validation messages as Chinese sentences (form-js writes them in English, a pattern as a regex);
// - risk levels in the task list's columns as names, not codes;
// - after a case is started from Tasklist, its number and whether the request was accepted or is invalid (and why):
//   Tasklist itself only says that a process started.
// Nothing here is needed for a rule to hold: the engine refuses what the forms let through.

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
  accountIssueResolution: '请写明处理情况，不能只填空格。',
  scannedSn: '序列号只含字母、数字和连字符，请重新扫描。'
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

// The engine wraps a refusal of ours in its own words ("ENGINE-03051 There was an exception while invoking the
// TaskListener. Message: 'Exception while invoking TaskListener: …'", after "Cannot submit task form …:" when a form was
// submitted): staff read only the refusal itself.
const ENGINE_WRAPPING = /^\s*(?:Cannot submit task form [^:]*: )?ENGINE-\d+ [^:]*?Message: '(?:[^:']*?: )?(.*?)'?\s*$/s;

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

// Tasklist starts a case with POST …/process-definition/…/submit-form; the answer names the process instance, and
// "Register request" has run inside the start, so the service can say at once how the request came out.
const START = /\/process-definition\/.+\/submit-form$/;
const STAGES = {CONTACT: '受理登记', APPLICATION: '申请审查', REVIEW: '审核', UNBIND: '解绑', CONFIRMATION: '解绑确认'};

function appRoot() {
  const base = document.querySelector('base[app-root]');
  return base ? base.getAttribute('app-root').replace(/\/$/, '') : '/camunda';
}

function startedText(c) {
  const who = [c.merchantName, c.terminalId ? (chinese ? '终端 ' : 'terminal ') + c.terminalId : null].filter(Boolean).join(' · ');
  if (chinese) {
    return c.accepted
      ? '已受理：受理编号 ' + c.caseNumber + (who ? '（' + who + '）' : '') + '，当前阶段：' + (STAGES[c.stage] || '受理登记') + '。'
      : '申请无效，受理已结束：受理编号 ' + c.caseNumber + (who ? '（' + who + '）' : '') + '。原因：' + c.reason + '。已通知商户。';
  }
  return c.accepted
    ? 'Request accepted: case ' + c.caseNumber + (who ? ' (' + who + ')' : '') + '.'
    : 'Request invalid, the case is closed: ' + c.caseNumber + (who ? ' (' + who + ')' : '') + '. Reason (Chinese): ' + c.reason;
}

function showStarted(sentence, invalid) {
  let notice = document.querySelector('.unbind-desk-started');
  if (!notice) {
    notice = document.createElement('div');
    notice.className = 'unbind-desk-started';
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-live', 'polite');
    document.body.insertBefore(notice, document.body.firstChild);
  }
  notice.classList.toggle('invalid', invalid);
  const text = document.createElement('span');
  text.className = 'unbind-desk-started-text';
  text.textContent = sentence;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-default btn-xs';
  close.textContent = chinese ? '关闭' : 'Close';
  close.addEventListener('click', () => notice.remove());
  notice.replaceChildren(text, close);
}

function startFailed() {
  showStarted(chinese
    ? '受理已发起，但未能取得受理编号：请稍后在任务列表中查看。'
    : 'The case was started, but its number could not be read: look for it in the task list later.', false);
}

function caseStarted(processInstanceId) {
  fetch(window.location.origin + appRoot() + '/api/unbind-desk/started-cases/' + encodeURIComponent(processInstanceId),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(r => { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
    .then(c => showStarted(startedText(c), !c.accepted))
    .catch(startFailed);
}

function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.unbindDeskStart = String(method).toUpperCase() === 'POST' && START.test(String(url).split('?')[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.unbindDeskStart) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          let started = null;
          try {
            started = JSON.parse(this.responseText);
          } catch (e) {
            started = null;
          }
          if (started && started.id) {
            caseStarted(started.id);
          } else {
            startFailed();
          }
        }
      });
    }
    return send.apply(this, arguments);
  };
}

watchStarts();

if (chinese) {
  new MutationObserver(() => {
    translateErrors(document);
    translateRiskLevels(document);
    unwrapRefusals(document);
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
export default [];
