// The desk's additions to Tasklist, loaded through config.js (customScripts):
// - the forms' validation messages as Chinese sentences (form-js writes them in English, a pattern as a regex);
// - risk levels in the task list's columns as names, not codes;
// - after a case is started from Tasklist, its number and whether the request was accepted or is invalid (and why):
//   Tasklist itself only says that a process started;
// - the merchant's files: listed and shown (watermarked) in the review and second-approval tasks, attached in the
//   start form and in "补充材料" (form-js in Camunda 7.24 has no file field), all through /camunda/api/unbind-desk,
//   behind the web apps' own login;
// - document codes picked from a list (form-js checklists) are sent to the engine as the comma-separated text its
//   variables hold (ID_CARD,FAULT_CERTIFICATE), not as JSON, which this engine has no type for.
// Nothing here is needed for a rule to hold: the engine and the service refuse what the forms let through.

const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'zh'];
const chosen = languages.map(l => String(l).toLowerCase()).find(l => l.startsWith('zh') || l.startsWith('en'));
const chinese = !chosen || chosen.startsWith('zh');

// what each field expects, said as a sentence, for a value that does not fit its pattern
const PATTERN_MESSAGES = {
  merchantNo: '商户号应为15位数字。',
  terminalId: '终端号应为8位字母或数字。',
  applicantIdNumber: '身份证号应为18位：前17位是数字，最后一位是数字或X。',
  applicantPhone: '手机号应为以1开头的11位数字。',
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

function isChecklist(errorElement) {
  const field = errorElement.closest('.fjs-form-field');
  return !!(field && field.querySelectorAll('input[type="checkbox"]').length > 1);
}

function sentence(message, errorElement) {
  const text = message.trim();
  if (text === 'Field is required.') {
    if (isChecklist(errorElement)) {
      return '请至少勾选一项。';
    }
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

// ---------------------------------------------------------------------------------------------------------------
// The merchant's files. The service answers under /camunda/api/unbind-desk behind the web apps' own login (no second
// prompt); it serves only the case of a task the engine shows the user, and every view is a watermarked copy and an
// audit row. Nothing here puts a file, or anything about one, into a process variable.

function t(zh, en) {
  return chinese ? zh : en;
}

function deskApi() {
  return window.location.origin + appRoot() + '/api/unbind-desk';
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  return e;
}

// the web apps' API asks for the CSRF token on every change, as Tasklist's own calls send it
function xsrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

function getJson(url) {
  return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(r => { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
}

function postFile(url, file) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {'Content-Type': 'application/octet-stream', 'X-XSRF-TOKEN': xsrfToken(), Accept: 'application/json'},
    body: file
  }).then(r => r.json().catch(() => ({})).then(body => ({ok: r.ok, status: r.status, body})))
    .catch(() => ({ok: false, status: 0, body: {}}));
}

function refusal(reply) {
  if (reply.body && reply.body.detail && chinese) {
    return reply.body.detail;
  }
  return reply.status === 415 ? t('文件内容不是 JPEG、PNG 图片或 PDF 文件，未保存。', 'The file is not a JPEG, PNG or PDF; nothing was stored.')
    : reply.status === 413 ? t('文件太大，未保存。', 'The file is too large; nothing was stored.')
      : t('上传未完成，请稍后再试。', 'The upload did not complete; try again later.');
}

let documentCodes = null;

function loadDocumentCodes() {
  if (!documentCodes) {
    documentCodes = getJson(deskApi() + '/document-codes').catch(() => { documentCodes = null; return []; });
  }
  return documentCodes;
}

function when(text) {
  return text ? String(text).replace('T', ' ').slice(0, 16) : '';
}

function kindOf(mediaType) {
  return mediaType === 'application/pdf' ? 'PDF' : t('图片', 'image');
}

function currentTaskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

/** Which of the desk's forms a form-js container shows, read from its fields. */
function formKind(container) {
  if (container.querySelector("[id*='-Field_reviewDecision'], [id*='-Field_secondApprovalDecision']")) {
    return 'review';
  }
  if (container.querySelector("[id*='-Field_additionalDocuments']")) {
    return 'supply';
  }
  if (container.querySelector("[id*='-Field_applicantIdNumber']") && container.closest('.modal')) {
    return 'start';
  }
  return null;
}

/** A code picker and a file field; each chosen file goes to onFile(code, nameZh, file), which answers a promise. */
function uploadRow(onFile) {
  const row = element('div', 'unbind-desk-upload');
  const codeId = 'unbind-desk-upload-code';
  const fileId = 'unbind-desk-upload-file';
  const codeLabel = element('label', null, t('材料类型', 'Document'));
  codeLabel.htmlFor = codeId;
  const code = element('select', 'form-control input-sm');
  code.id = codeId;
  code.appendChild(new Option(t('请选择材料', 'Choose the document'), ''));
  loadDocumentCodes().then(codes => codes.forEach(c => code.appendChild(new Option(chinese ? c.nameZh : c.nameEn, c.code))));
  const fileLabel = element('label', null, t('文件', 'File'));
  fileLabel.htmlFor = fileId;
  const file = element('input');
  file.type = 'file';
  file.id = fileId;
  file.accept = 'image/jpeg,image/png,application/pdf';
  const hint = element('p', 'unbind-desk-hint',
    t('可上传 JPEG、PNG 图片或 PDF 文件；按文件内容识别，与文件名无关。', 'JPEG, PNG or PDF, recognised by content, not by name.'));
  const error = element('p', 'unbind-desk-upload-error');
  error.setAttribute('role', 'alert');
  file.addEventListener('change', () => {
    const chosen = file.files && file.files[0];
    error.textContent = '';
    if (!chosen) {
      return;
    }
    if (!code.value) {
      error.textContent = t('请先选择材料类型，再选择文件。', 'Choose the document first, then the file.');
      file.value = '';
      return;
    }
    const name = code.options[code.selectedIndex].text;
    file.disabled = true;
    onFile(code.value, name, chosen)
      .then(problem => { if (problem) { error.textContent = problem; } })
      .finally(() => { file.disabled = false; file.value = ''; });
  });
  row.append(element('h5', null, t('上传材料文件', 'Attach a file')), codeLabel, code, fileLabel, file, hint, error);
  return row;
}

// files chosen in the start form: checked at once, stored once the case exists
let pendingStartFiles = [];

function buildStartPanel(panel, container) {
  pendingStartFiles = [];
  const list = element('ul', 'unbind-desk-pending');
  const render = () => {
    list.replaceChildren(...pendingStartFiles.map((p, i) => {
      const li = element('li', null, p.nameZh + '（' + p.file.name + '）' + t('：提交后上传', ': uploaded on submit'));
      const remove = element('button', 'btn btn-link btn-xs', t('移除', 'Remove'));
      remove.type = 'button';
      remove.addEventListener('click', () => { pendingStartFiles.splice(i, 1); render(); });
      li.appendChild(remove);
      return li;
    }));
  };
  panel.append(uploadRow((code, nameZh, file) => postFile(deskApi() + '/documents/check', file).then(reply => {
    if (!reply.ok) {
      return refusal(reply);
    }
    pendingStartFiles.push({code, nameZh, file});
    tick(container, 'documents', nameZh);
    render();
    return null;
  })), list);
}

/** Ticks a checklist's box by its label, as a click would, so the form's value follows. */
function tick(container, key, label) {
  container.querySelectorAll("input[type='checkbox'][id*='-Field_" + key + "']").forEach(box => {
    const text = container.querySelector("label[for='" + box.id + "']");
    if (text && text.textContent.trim() === label && !box.checked) {
      box.click();
    }
  });
}

function attachStartFiles(processInstanceId, files) {
  const base = deskApi() + '/started-cases/' + encodeURIComponent(processInstanceId) + '/documents/';
  Promise.all(files.map(p => postFile(base + encodeURIComponent(p.code), p.file).then(reply => ({p, reply}))))
    .then(results => {
      const notice = document.querySelector('.unbind-desk-started');
      if (!notice) {
        return;
      }
      const stored = results.filter(r => r.reply.ok).map(r => r.p.nameZh + '（' + r.p.file.name + '）');
      const line = element('span', 'unbind-desk-started-files');
      line.textContent = (stored.length ? t('已上传材料：', 'Files stored: ') + stored.join('、') + '。' : '')
        + results.filter(r => !r.reply.ok).map(r => r.p.nameZh + '（' + r.p.file.name + '）' + t('未保存：', ' not stored: ')
          + refusal(r.reply)).join(' ');
      notice.insertBefore(line, notice.lastChild);
    });
}

function buildTaskPanel(panel, taskId, canUpload) {
  const list = element('ul', 'unbind-desk-files-list');
  const status = element('p', 'unbind-desk-files-status');
  status.setAttribute('role', 'status');
  const viewer = element('div', 'unbind-desk-viewer');
  panel.append(element('h4', null, t('材料文件', 'Documents')), list, status, viewer);

  const show = (item, file) => {
    const caption = element('p', 'unbind-desk-viewer-caption', (chinese ? item.nameZh : item.nameEn) + ' · '
      + kindOf(file.mediaType) + ' · ' + t('水印副本，每次查看均记录在案', 'watermarked copy; every view is recorded'));
    const close = element('button', 'btn btn-default btn-xs', t('关闭', 'Close'));
    close.type = 'button';
    close.addEventListener('click', () => viewer.replaceChildren());
    const tab = element('a', null, t('在新标签页打开', 'Open in a new tab'));
    tab.href = file.content;
    tab.target = '_blank';
    tab.rel = 'noopener';
    let shown;
    if (file.mediaType.startsWith('image/')) {
      shown = element('img', 'unbind-desk-document-image');
      shown.alt = item.nameZh;
    } else {
      shown = element('iframe', 'unbind-desk-document-pdf');
      shown.title = item.nameZh;
    }
    shown.addEventListener('error', () => {
      status.textContent = t('无法显示这份材料（可能已损坏或无权查看）。', 'The file cannot be shown.');
    });
    shown.src = file.content;
    caption.append(' ', tab, ' ', close);
    viewer.replaceChildren(caption, shown);
  };

  const refresh = () => getJson(deskApi() + '/tasks/' + encodeURIComponent(taskId) + '/documents').then(d => {
    const items = d.items || [];
    list.replaceChildren(...items.map(item => {
      const li = element('li', 'unbind-desk-document');
      li.dataset.code = item.code;
      li.appendChild(element('strong', null, item.nameZh));
      li.appendChild(element('span', 'unbind-desk-name-en', ' ' + item.nameEn));
      const summary = item.count
        ? t('，共 ' + item.count + ' 份文件', ', ' + item.count + ' file(s)')
        : item.verifiedElsewhere && item.verifiedElsewhere.length
          ? t('，已在其他渠道核验（' + item.verifiedElsewhere.map(v => v.suppliedBy + ' ' + when(v.suppliedAt)).join('、') + '），无文件',
            ', verified elsewhere, no file')
          : t('，仅登记了材料名称，没有文件', ', named only, no file');
      li.appendChild(element('span', null, summary));
      const files = element('ul', 'unbind-desk-files');
      (item.files || []).forEach((file, i) => {
        const f = element('li', null, kindOf(file.mediaType) + ' ' + (i + 1) + ' · ' + t('提交人 ', 'from ') + file.suppliedBy
          + ' · ' + when(file.suppliedAt) + ' ');
        const view = element('button', 'btn btn-default btn-xs unbind-desk-view', t('查看', 'View'));
        view.type = 'button';
        view.addEventListener('click', () => show(item, file));
        f.appendChild(view);
        files.appendChild(f);
      });
      li.appendChild(files);
      return li;
    }));
    status.textContent = items.length ? '' : t('该受理还没有材料。', 'This case has no documents yet.');
  }).catch(() => { status.textContent = t('未能读取材料列表。', 'The documents could not be read.'); });

  refresh();
  if (canUpload) {
    panel.appendChild(uploadRow((code, nameZh, file) =>
      postFile(deskApi() + '/tasks/' + encodeURIComponent(taskId) + '/documents/' + encodeURIComponent(code), file)
        .then(reply => {
          if (!reply.ok) {
            return refusal(reply);
          }
          const stored = t('已上传：', 'Stored: ') + nameZh + '（' + file.name + '）。';
          if (reply.body.documentsSupplied) {
            // the task ends and Tasklist takes its form away: say so above the page, where it stays
            const done = stored + t('缺少的材料已齐，本任务已自动完成，受理继续。', 'Nothing is missing now: the task is done.');
            showStarted(done, false);
            status.textContent = done;
            return null;
          }
          status.textContent = stored;
          refresh();
          return null;
        })));
  }
}

function mountDocumentPanels() {
  document.querySelectorAll('.fjs-container').forEach(container => {
    const kind = formKind(container);
    if (!kind) {
      return;
    }
    const taskId = kind === 'start' ? 'start' : currentTaskId();
    if (!taskId) {
      return;
    }
    const before = kind === 'review';
    const neighbour = before ? container.previousElementSibling : container.nextElementSibling;
    if (neighbour && neighbour.classList.contains('unbind-desk-files-panel')) {
      if (neighbour.dataset.task === taskId) {
        return;
      }
      neighbour.remove();
    }
    const panel = element('section', 'unbind-desk-files-panel' + (kind === 'review' ? ' unbind-desk-readable' : ''));
    panel.dataset.task = taskId;
    panel.setAttribute('aria-label', t('材料文件', 'Documents'));
    container.parentNode.insertBefore(panel, before ? container : container.nextSibling);
    if (kind === 'start') {
      buildStartPanel(panel, container);
    } else {
      buildTaskPanel(panel, taskId, kind === 'supply');
    }
  });
}

function addStyles() {
  const style = document.createElement('style');
  style.textContent = `
.unbind-desk-files-panel { margin: 0 0 16px; padding: 10px 14px; border: 1px solid #d6dde6; border-radius: 4px; background: #f8fafc; }
/* reading the papers is not working the task: above Tasklist's "claim first" veil; attaching stays below it */
.disabled-form .unbind-desk-files-panel.unbind-desk-readable { position: relative; z-index: 1001; }
.unbind-desk-files-panel h4, .unbind-desk-files-panel h5 { margin: 4px 0 8px; font-weight: bold; }
.unbind-desk-files-list, .unbind-desk-pending { padding-left: 18px; margin-bottom: 6px; }
.unbind-desk-files { padding-left: 16px; }
.unbind-desk-name-en { color: #555; }
.unbind-desk-upload label { display: block; margin-top: 6px; }
.unbind-desk-upload select { max-width: 260px; }
.unbind-desk-hint { color: #555; margin: 4px 0; }
.unbind-desk-upload-error { color: #a94442; font-weight: bold; }
.unbind-desk-viewer-caption { margin: 8px 0 4px; }
.unbind-desk-document-image { max-width: 100%; border: 1px solid #ccc; }
.unbind-desk-document-pdf { width: 100%; height: 600px; border: 1px solid #ccc; }
.unbind-desk-started-files { display: block; margin-top: 4px; }`;
  document.head.appendChild(style);
}

addStyles();
new MutationObserver(mountDocumentPanels).observe(document.documentElement, {childList: true, subtree: true});

function caseStarted(processInstanceId) {
  const files = pendingStartFiles;
  pendingStartFiles = [];
  fetch(deskApi() + '/started-cases/' + encodeURIComponent(processInstanceId),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(r => { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
    .then(c => {
      showStarted(startedText(c), !c.accepted);
      if (c.accepted && files.length) {
        attachStartFiles(processInstanceId, files);
      }
    })
    .catch(startFailed);
}

// the engine's variables hold document lists as text; a checklist gives an array, which Tasklist would send as JSON
const SUBMIT = /\/(task\/[^/]+|process-definition\/.+)\/submit-form$/;
const DOCUMENT_LISTS = ['documents', 'additionalDocuments', 'missingDocuments'];

function codesAsText(body) {
  let data;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return body;
  }
  const variables = data && data.variables;
  if (!variables) {
    return body;
  }
  let changed = false;
  DOCUMENT_LISTS.forEach(name => {
    const variable = variables[name];
    if (!variable) {
      return;
    }
    let codes = variable.value;
    if (typeof codes === 'string' && codes.trim().startsWith('[')) {
      try {
        codes = JSON.parse(codes);
      } catch (e) {
        return;
      }
    }
    if (Array.isArray(codes)) {
      variables[name] = {type: 'String', value: codes.join(',')};
      changed = true;
    }
  });
  return changed ? JSON.stringify(data) : body;
}

function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    const post = String(method).toUpperCase() === 'POST';
    const path = String(url).split('?')[0];
    this.unbindDeskStart = post && START.test(path);
    this.unbindDeskSubmit = post && SUBMIT.test(path);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (this.unbindDeskSubmit && typeof body === 'string') {
      body = codesAsText(body);
    }
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
    return send.call(this, body);
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
