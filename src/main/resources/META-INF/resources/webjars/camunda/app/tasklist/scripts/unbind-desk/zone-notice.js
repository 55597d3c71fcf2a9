// Tasklist, Cockpit and Admin show dates and times in the zone of the computer they run on: Camunda 7's web apps
// have no setting to show them in another zone. Where the computer is not set to the business time zone
// (businessTimeZone in each app's config.js, default Asia/Shanghai), this says so above the page, with the
// difference and an example, so that nobody reads a UTC time as Beijing time. Loaded through each app's config.js
// (customScripts); Cockpit and Admin load it from here.

const conf = window.camTasklistConf || window.camCockpitConf || window.camAdminConf || {};
const businessZone = conf.businessTimeZone || 'Asia/Shanghai';
const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'zh'];
const chosen = languages.map(l => String(l).toLowerCase()).find(l => l.startsWith('zh') || l.startsWith('en'));
const chinese = !chosen || chosen.startsWith('zh');

/** Minutes the zone is ahead of UTC at that moment. */
function offsetMinutes(zone, at) {
  const p = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric'
  }).formatToParts(at).reduce((a, x) => Object.assign(a, {[x.type]: Number(x.value)}), {});
  const utc = Math.floor(at.getTime() / 60000) * 60000;
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - utc) / 60000);
}

function clock(zone, at) {
  return new Intl.DateTimeFormat('zh-CN', {timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(at);
}

function hours(minutes) {
  const h = Math.abs(minutes) / 60;
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}

function zoneNotice() {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = new Date();
  const difference = offsetMinutes(businessZone, now) - offsetMinutes(local, now);
  if (local === businessZone || difference === 0 || document.querySelector('.unbind-desk-notice')) {
    return;
  }
  const zoneName = businessZone === 'Asia/Shanghai' ? '北京时间（Asia/Shanghai）' : businessZone;
  const notice = document.createElement('div');
  notice.className = 'unbind-desk-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = chinese
    ? '注意：本机时区为 ' + local + '，比业务时间' + zoneName + (difference > 0 ? '慢' : '快') + hours(difference)
      + '小时。本页的日期和时间按本机时区显示（例如本机 ' + clock(local, now) + ' 即业务时间 ' + clock(businessZone, now)
      + '）。请把电脑的时区设为 ' + businessZone + '。'
    : 'Note: this computer is set to ' + local + ', ' + hours(difference) + ' h ' + (difference > 0 ? 'behind' : 'ahead of')
      + ' the business time zone ' + businessZone + '. Dates and times here are in the computer\'s zone (' + clock(local, now)
      + ' here is ' + clock(businessZone, now) + ' business time). Set the computer to ' + businessZone + '.';
  document.body.insertBefore(notice, document.body.firstChild);
}

if (document.body) {
  zoneNotice();
} else {
  document.addEventListener('DOMContentLoaded', zoneNotice);
}

export default [];
