// Uploads with a progress bar: percent and megabytes per second while the file goes, then a word while the
// server checks it.
import { csrf, outcome } from './api.js';
import { lang, t } from './i18n.js';

/** Through XMLHttpRequest, the one browser API that reports upload progress. */
export function upload(method, url, body, headers, meter) {
  return new Promise(resolve => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('Accept', 'application/json');
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    const started = performance.now();
    let percent = 0;
    meter.show();
    xhr.upload.onprogress = event => {
      if (!event.lengthComputable) return;
      percent = Math.floor((event.loaded / event.total) * 100);
      const seconds = (performance.now() - started) / 1000;
      meter.update(percent, seconds > 0 ? event.loaded / 1e6 / seconds : 0);
    };
    xhr.upload.onload = () => meter.update(100, null, t('sentChecking'));
    xhr.onload = () => {
      let json = null;
      try { json = JSON.parse(xhr.responseText); } catch (notJson) { /* an HTML error page */ }
      resolve(outcome(xhr.status, json, xhr.getResponseHeader('ETag')));
    };
    const broken = what => () => resolve(outcome(0, { detail: t(what, percent) }, null));
    xhr.onerror = broken('uploadInterrupted');
    xhr.onabort = broken('uploadCancelled');
    xhr.ontimeout = broken('uploadTimedOut');
    xhr.send(body);
  });
}

/** The form's progress bar, its percent and rate outputs and its status line. */
export function progressMeter(form) {
  const box = form.querySelector('.progress');
  const bar = form.querySelector('progress');
  const percentOut = form.querySelector('#upload-percent');
  const rateOut = form.querySelector('#upload-rate');
  const status = form.querySelector('.form-status');
  return {
    show() { box.hidden = false; bar.value = 0; percentOut.textContent = '0 %'; rateOut.textContent = ''; },
    update(percent, megabytesPerSecond, message) {
      bar.value = percent;
      percentOut.textContent = `${percent} %`;
      if (megabytesPerSecond) rateOut.textContent = t('megabytesPerSecond', megabytesPerSecond.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
      if (message && status) status.textContent = message;
    }
  };
}
