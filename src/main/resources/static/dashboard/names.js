// The names staff read for the codes the dashboard's figures and case lists carry: one place for both pages.
window.UnbindDeskNames = Object.freeze({
  STAGES: { CONTACT: '受理登记', APPLICATION: '申请审查', REVIEW: '审核', UNBIND: '解绑', CONFIRMATION: '解绑确认' },
  OUTCOMES: {
    UNBOUND: '已解绑', REJECTED: '已驳回', WITHDRAWN: '已撤回', LAPSED: '已失效', CANCELLED: '已取消', REQUEST_INVALID: '申请无效'
  },
  STATUSES: { OPEN: '处理中', CLOSED: '已结案' },
  /** "2026-12-02" as the mainland writes it: 2026年12月2日 */
  longDay: d => { const [y, m, day] = d.split('-').map(Number); return y + '年' + m + '月' + day + '日'; },
  /** "2026-12-02T14:30:05" (the registry's time, in the business time zone): 2026年12月2日 14:30 */
  dateTime: t => t == null ? '' : window.UnbindDeskNames.longDay(t.substring(0, 10)) + ' ' + t.substring(11, 16)
});
