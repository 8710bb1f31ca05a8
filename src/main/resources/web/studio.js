// Chapitre studio: the forms, the uploads with progress and the chapter-marking editor.
// Every change goes through the producer API with the session cookie and the CSRF token, so the
// studio shows exactly the API's rules and messages.
'use strict';
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || '';
  const dataElement = document.getElementById('studio-data');
  const data = dataElement ? JSON.parse(dataElement.textContent || '{}') : {};
  const SESSION_ENDED = 'Your session has ended. Sign in again (in another tab, to keep this page), then retry.';

  // ---- API calls -------------------------------------------------------------------------
  function outcome(status, json, etag) {
    const ok = status >= 200 && status < 300;
    let problem = null;
    if (!ok) {
      problem = json && json.detail ? json : { detail: `The server answered ${status}.` };
      if (status === 401) problem = { ...problem, detail: SESSION_ENDED };
    }
    return { ok, status, json, etag, problem };
  }

  async function api(method, url, body, headers = {}) {
    const init = { method, headers: { 'X-CSRF-Token': csrf, Accept: 'application/json', ...headers } };
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Blob) {
        init.body = body;
      } else {
        init.body = JSON.stringify(body);
        init.headers['Content-Type'] = init.headers['Content-Type'] || 'application/json';
      }
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (networkError) {
      return outcome(0, { detail: 'The server could not be reached (network error). Nothing was changed; try again.' }, null);
    }
    const type = response.headers.get('Content-Type') || '';
    const json = type.includes('json') ? await response.json().catch(() => null) : null;
    const result = outcome(response.status, json, response.headers.get('ETag'));
    result.date = response.headers.get('Date');
    return result;
  }

  /** An upload through XMLHttpRequest, the one browser API that reports upload progress. */
  function upload(method, url, body, headers, meter) {
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
      xhr.upload.onload = () => meter.update(100, null, 'Sent. The server is checking the MP3…');
      xhr.onload = () => {
        let json = null;
        try { json = JSON.parse(xhr.responseText); } catch (notJson) { /* an HTML error page */ }
        resolve(outcome(xhr.status, json, xhr.getResponseHeader('ETag')));
      };
      const broken = what => () => resolve(outcome(0, {
        detail: `The upload was ${what} at ${percent} %. Nothing was saved; check the connection and try again.`
      }, null));
      xhr.onerror = broken('interrupted (network error)');
      xhr.onabort = broken('cancelled');
      xhr.ontimeout = broken('too slow and timed out');
      xhr.send(body);
    });
  }

  function progressMeter(form) {
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
        if (megabytesPerSecond) rateOut.textContent = `${megabytesPerSecond.toFixed(1)} MB/s`;
        if (message && status) status.textContent = message;
      }
    };
  }

  // ---- Forms -----------------------------------------------------------------------------
  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(slot => { slot.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
    const general = form.querySelector('.form-error');
    if (general) { general.hidden = true; general.textContent = ''; }
  }

  function sentence(field, reason) {
    return `${field.replace(/\[\d+\]\./, ' ')} ${reason}.`.replace(/^./, c => c.toUpperCase());
  }

  /** The problem's detail on top, and each broken rule next to its field. */
  function showProblem(form, problem, fallbackField) {
    clearErrors(form);
    const general = form.querySelector('.form-error');
    if (general) { general.textContent = problem.detail; general.hidden = false; }
    const errors = problem.errors || [];
    errors.forEach(error => {
      const base = String(error.field || '').replace(/\[.*$/, '');
      const slot = form.querySelector(`[data-error-for="${CSS.escape(base)}"]`);
      if (!slot) return;
      slot.textContent = `${slot.textContent} ${sentence(error.field, error.reason)}`.trim();
      form.querySelector(`[name="${CSS.escape(base)}"]`)?.setAttribute('aria-invalid', 'true');
    });
    if (!errors.length && fallbackField) {
      const slot = form.querySelector(`[data-error-for="${fallbackField}"]`);
      if (slot) slot.textContent = problem.detail;
    }
  }

  function status(form, text) {
    const out = form.querySelector('.form-status');
    if (out) out.textContent = text;
  }

  function fill(form, values) {
    for (const input of form.elements) {
      if (!input.name || !(input.name in values) || input.type === 'file' || input.closest('[data-persons]')) continue;
      const value = values[input.name];
      if (input.type === 'checkbox') input.checked = Boolean(value);
      else if (input.dataset.kind === 'tristate') input.value = value === true ? 'true' : value === false ? 'false' : '';
      else input.value = value === null || value === undefined ? '' : value;
    }
    const persons = form.querySelector('[data-persons]');
    if (persons) (values.persons || []).forEach(person => addPerson(persons, person));
  }

  /** The form as JSON: empty texts are null, numbers are numbers, checkboxes are booleans. */
  function collect(form) {
    const values = {};
    for (const input of form.elements) {
      if (!input.name || input.type === 'file' || input.closest('[data-persons]')) continue;
      if (input.dataset.kind === 'bool') values[input.name] = input.checked;
      else if (input.dataset.kind === 'tristate') values[input.name] = input.value === '' ? null : input.value === 'true';
      else if (input.dataset.kind === 'int') values[input.name] = input.value.trim() === '' ? null : Number(input.value);
      else values[input.name] = input.value.trim() === '' ? null : input.value;
    }
    if (values.slug === null) delete values.slug; // derived from the title
    const persons = form.querySelector('[data-persons]');
    if (persons) values.persons = collectPersons(persons);
    return values;
  }

  const PERSON_FIELDS = [['name', 'Name'], ['role', 'Role'], ['group', 'Group'], ['href', 'Link'], ['img', 'Photo URL']];

  function addPerson(fieldset, person = {}) {
    const row = document.createElement('div');
    row.className = 'person-row';
    PERSON_FIELDS.forEach(([key, label]) => {
      const wrap = document.createElement('label');
      wrap.textContent = `${label} `;
      const input = document.createElement('input');
      input.dataset.person = key;
      input.value = person[key] || '';
      if (key === 'role') input.placeholder = 'host';
      wrap.append(input);
      row.append(wrap);
    });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => row.remove());
    row.append(remove);
    fieldset.querySelector('.person-rows').append(row);
    return row;
  }

  function collectPersons(fieldset) {
    return [...fieldset.querySelectorAll('.person-row')].map(row => {
      const person = {};
      row.querySelectorAll('[data-person]').forEach(input => {
        if (input.value.trim() !== '') person[input.dataset.person] = input.value.trim();
      });
      return person;
    }).filter(person => Object.keys(person).length > 0);
  }

  document.querySelectorAll('[data-persons] .add-person').forEach(button => button.addEventListener('click', () => {
    addPerson(button.closest('[data-persons]')).querySelector('input').focus();
  }));

  document.querySelectorAll('time[data-local]').forEach(time => {
    const date = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(date.getTime())) time.textContent = date.toLocaleString();
  });

  // ---- Shows -----------------------------------------------------------------------------
  const showForm = document.getElementById('show-form');
  if (showForm) {
    const editing = Boolean(data.slug);
    if (editing) fill(showForm, data);
    let etag = showForm.dataset.etag;
    showForm.addEventListener('submit', async event => {
      event.preventDefault();
      const values = collect(showForm);
      status(showForm, 'Saving…');
      const result = editing
        ? await api('PATCH', showForm.dataset.update, values, { 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' })
        : await api('POST', showForm.dataset.create, values);
      if (!result.ok) {
        status(showForm, '');
        showProblem(showForm, result.problem);
        return;
      }
      clearErrors(showForm);
      if (!editing || result.json.slug !== data.slug) {
        location.assign(showForm.dataset.after.replace('{slug}', result.json.slug));
        return;
      }
      etag = result.etag;
      status(showForm, `Saved at ${new Date().toLocaleTimeString()}.`);
    });
  }

  const artworkForm = document.getElementById('artwork-form');
  if (artworkForm) {
    artworkForm.addEventListener('submit', async event => {
      event.preventDefault();
      const file = artworkForm.querySelector('input[type=file]').files[0];
      clearErrors(artworkForm);
      if (!file) {
        showProblem(artworkForm, { detail: 'Choose a JPEG or PNG image first.' }, 'artwork');
        return;
      }
      status(artworkForm, 'Uploading…');
      const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
      const result = await api('PUT', `/api/podcasts/${artworkForm.dataset.podcast}/artwork`, file, { 'Content-Type': type });
      if (!result.ok) {
        status(artworkForm, '');
        showProblem(artworkForm, result.problem, 'artwork');
        return;
      }
      location.reload();
    });
  }

  // ---- Producers (admin) -------------------------------------------------------------------
  const producerForm = document.getElementById('producer-form');
  if (producerForm) {
    producerForm.addEventListener('submit', async event => {
      event.preventDefault();
      const result = await api('POST', producerForm.dataset.create, collect(producerForm));
      if (!result.ok) { showProblem(producerForm, result.problem); return; }
      location.assign(producerForm.dataset.after);
    });
  }
  document.querySelectorAll('form.reset-form').forEach(form => form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = await api('PUT', form.dataset.update, collect(form));
    if (!result.ok) { status(form, ''); showProblem(form, result.problem); return; }
    clearErrors(form);
    form.reset();
    status(form, 'Password set; that producer is signed out everywhere.');
  }));

  // ---- Episodes ----------------------------------------------------------------------------
  const episodeForm = document.getElementById('episode-form');
  if (episodeForm) {
    const editing = Boolean(data.slug);
    if (editing) fill(episodeForm, data);
    let etag = episodeForm.dataset.etag;
    const audioInput = episodeForm.querySelector('input[name=audio]');
    const maxBytes = Number(episodeForm.dataset.maxBytes || 0);

    const chosenAudio = () => {
      const file = audioInput.files[0];
      if (!file) return { problem: { detail: 'Choose the episode’s MP3 file.' } };
      if (!(file.type === 'audio/mpeg' || file.type === 'audio/mp3' || /\.mp3$/i.test(file.name))) {
        return { problem: { detail: `“${file.name}” is not an MP3 file (${file.type || 'unknown type'}). Export the episode as MP3 and choose that file.` } };
      }
      if (maxBytes && file.size > maxBytes) {
        return { problem: { detail: `“${file.name}” is ${(file.size / 1e6).toFixed(0)} MB; the largest file accepted is ${(maxBytes / 1e6).toFixed(0)} MB.` } };
      }
      return { file };
    };

    const uploadFailed = (result) => {
      status(episodeForm, '');
      const onAudio = [0, 400, 413, 415].includes(result.status) || /audio|MP3|upload/i.test(result.problem.detail);
      showProblem(episodeForm, result.problem, onAudio ? 'audio' : null);
    };

    episodeForm.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(episodeForm);
      const values = collect(episodeForm);
      if (editing) {
        status(episodeForm, 'Saving…');
        const result = await api('PATCH', episodeForm.dataset.update, values, { 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' });
        if (!result.ok) { status(episodeForm, ''); showProblem(episodeForm, result.problem); return; }
        if (result.json.slug !== data.slug) { location.assign(episodeForm.dataset.after.replace('{slug}', result.json.slug)); return; }
        etag = result.etag;
        episodeForm.dataset.etag = etag; // the publishing buttons send it too
        status(episodeForm, `Saved at ${new Date().toLocaleTimeString()}.`);
        return;
      }
      if (!values.title) { showProblem(episodeForm, { detail: 'The episode needs a title.', errors: [{ field: 'title', reason: 'is required' }] }); return; }
      const audio = chosenAudio();
      if (audio.problem) { showProblem(episodeForm, audio.problem, 'audio'); return; }
      const body = new FormData();
      body.append('episode', new Blob([JSON.stringify(values)], { type: 'application/json' }), 'episode.json');
      body.append('audio', audio.file, audio.file.name);
      status(episodeForm, 'Uploading…');
      const result = await upload('POST', episodeForm.dataset.create, body, {}, progressMeter(episodeForm));
      if (!result.ok) { uploadFailed(result); return; }
      status(episodeForm, 'Uploaded. Opening the episode…');
      location.assign(episodeForm.dataset.after.replace('{slug}', result.json.slug));
    });

    document.getElementById('replace-audio')?.addEventListener('click', async () => {
      clearErrors(episodeForm);
      const audio = chosenAudio();
      if (audio.problem) { showProblem(episodeForm, audio.problem, 'audio'); return; }
      const result = await upload('PUT', `${episodeForm.dataset.update}/audio`, audio.file,
        { 'Content-Type': 'audio/mpeg', 'If-Match': etag }, progressMeter(episodeForm));
      if (!result.ok) { uploadFailed(result); return; }
      location.reload();
    });
  }

  const publishing = document.getElementById('publishing');
  if (publishing) {
    const url = publishing.dataset.url;
    publishing.querySelectorAll('[data-publish]').forEach(button => button.addEventListener('click', async () => {
      clearErrors(publishing);
      let publishedAt = null;
      if (button.dataset.publish === 'now') {
        // The server's clock decides what "now" is: a browser clock a minute ahead would schedule it.
        const current = await api('GET', url);
        publishedAt = new Date(current.date ? Date.parse(current.date) - 1000 : Date.now()).toISOString();
      } else if (button.dataset.publish === 'schedule') {
        const chosen = document.getElementById('schedule-at').value;
        if (!chosen) { showProblem(publishing, { detail: 'Choose the date and time of publication first.' }); return; }
        publishedAt = new Date(chosen).toISOString();
      }
      const etag = episodeForm?.dataset.etag;
      const result = await api('PATCH', url, { publishedAt },
        { 'Content-Type': 'application/merge-patch+json', ...(etag ? { 'If-Match': etag } : {}) });
      if (!result.ok) { showProblem(publishing, result.problem); return; }
      location.reload();
    }));
  }

  // ---- The chapter-marking editor ------------------------------------------------------------
  const editor = document.getElementById('editor');
  if (editor) chapterEditor(editor);

  function formatTime(ms) {
    const total = Math.max(0, Math.round(ms));
    const pad = (n, w = 2) => String(n).padStart(w, '0');
    const h = Math.floor(total / 3600000);
    const m = Math.floor(total / 60000) % 60;
    const s = Math.floor(total / 1000) % 60;
    return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
  }

  /** "1:02:03.5", "62:03", "12.25" → milliseconds; NaN when it is not a time. */
  function parseTime(text) {
    const match = /^\s*(?:(?:(\d+):)?(\d+):)?(\d+)(?:[.,](\d{1,3}))?\s*$/.exec(text);
    if (!match) return NaN;
    const [, h = '0', m = '0', s, frac = '0'] = match;
    if ((match[2] !== undefined && Number(s) > 59) || (match[1] !== undefined && Number(m) > 59)) return NaN;
    return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
  }

  function chapterEditor(root) {
    const base = root.dataset.api;
    const audio = document.getElementById('player');
    const list = document.getElementById('chapter-rows');
    const saveButton = document.getElementById('save');
    const saveStatus = document.getElementById('save-status');
    const editorError = document.getElementById('editor-error');
    const clock = document.getElementById('clock');
    let rows = [];
    let etag = null;
    let savedJson = '';
    let nextKey = 1;
    let checking = 0;
    let valid = true;

    audio.src = data.audio.url;
    document.getElementById('length').textContent = formatTime(data.audio.durationMs);

    const toRows = chapters => chapters.map(c => ({
      key: nextKey++, start: Math.round(Number(c.startTime) * 1000), startText: null,
      title: c.title || '', url: c.url || '', img: c.img || '', toc: c.toc !== false
    }));
    const document_ = () => ({
      version: '1.2.0',
      chapters: rows.map(row => {
        const chapter = { startTime: row.start / 1000, title: row.title };
        if (row.url.trim()) chapter.url = row.url.trim();
        if (row.img.trim()) chapter.img = row.img.trim();
        if (!row.toc) chapter.toc = false;
        return chapter;
      })
    });
    const dirty = () => JSON.stringify(document_()) !== savedJson;
    const sort = () => rows.sort((a, b) => a.start - b.start);

    async function load() {
      const result = await api('GET', `${base}/chapters`);
      if (!result.ok) { showEditorError(result.problem.detail); return; }
      rows = toRows(result.json.chapters || []);
      etag = result.etag;
      sort();
      savedJson = JSON.stringify(document_());
      render();
      check();
    }

    function showEditorError(text) {
      editorError.textContent = text;
      editorError.hidden = !text;
    }

    function render(focus) {
      list.replaceChildren(...rows.map((row, index) => rowElement(row, index)));
      document.getElementById('no-chapters').hidden = rows.length > 0;
      document.getElementById('chapter-count').textContent = rows.length ? `(${rows.length})` : '';
      if (focus) list.querySelector(`[data-key="${focus.key}"] ${focus.selector}`)?.focus();
      highlight();
    }

    function button(text, title, action) {
      const element = document.createElement('button');
      element.type = 'button';
      element.textContent = text;
      if (title) element.title = title;
      element.addEventListener('click', action);
      return element;
    }

    function labelled(text, input, className) {
      const label = document.createElement('label');
      label.className = className;
      label.append(`${text} `, input);
      return label;
    }

    function rowElement(row, index) {
      const item = document.createElement('li');
      item.className = 'chapter-row';
      item.dataset.key = row.key;

      const start = document.createElement('input');
      start.className = 'start-input';
      start.value = row.startText ?? formatTime(row.start);
      start.setAttribute('aria-label', `Start of chapter ${index + 1}`);
      start.spellcheck = false;
      start.addEventListener('change', () => {
        const parsed = parseTime(start.value);
        if (Number.isNaN(parsed)) { row.startText = start.value; check(); return; }
        row.startText = null;
        row.start = parsed;
        sort();
        render({ key: row.key, selector: '.start-input' });
        check();
      });
      const nudge = delta => () => {
        row.start = Math.max(0, row.start + delta);
        row.startText = null;
        sort();
        render({ key: row.key, selector: `[data-nudge="${delta}"]` });
        check();
      };
      const times = document.createElement('div');
      times.className = 'start';
      times.append(labelled('Start', start, 'start-label'));
      [[-1000, '−1 s'], [-100, '−0.1'], [100, '+0.1'], [1000, '+1 s']].forEach(([delta, text]) => {
        const b = button(text, `Move the start ${delta > 0 ? 'later' : 'earlier'} by ${Math.abs(delta) / 1000} s`, nudge(delta));
        b.dataset.nudge = delta;
        times.append(b);
      });
      times.append(button('Set to now', 'Start this chapter at the current playback time', () => {
        row.start = Math.round(audio.currentTime * 1000);
        row.startText = null;
        sort();
        render({ key: row.key, selector: '.start-input' });
        check();
      }));

      const text = (field, label, type) => {
        const input = document.createElement('input');
        input.className = `${field}-input`;
        input.type = type;
        input.value = row[field];
        if (field === 'title') input.maxLength = 255;
        input.addEventListener('input', () => { row[field] = input.value; check(); });
        return labelled(label, input, `${field}-label`);
      };
      const toc = document.createElement('input');
      toc.type = 'checkbox';
      toc.className = 'toc-input';
      toc.checked = row.toc;
      toc.addEventListener('change', () => { row.toc = toc.checked; check(); });

      const number = document.createElement('span');
      number.className = 'number';
      number.textContent = `${index + 1}.`;
      const error = document.createElement('p');
      error.className = 'row-error';
      error.setAttribute('role', 'alert');
      const actions = document.createElement('div');
      actions.className = 'row-actions';
      actions.append(
        labelled('In table of contents', toc, 'toc-label'),
        button('Play from here', null, () => { audio.currentTime = row.start / 1000; audio.play(); }),
        button('Delete', `Delete chapter ${index + 1}`, () => { rows = rows.filter(r => r !== row); render(); check(); }));
      item.append(number, times, text('title', 'Title', 'text'), text('url', 'Link', 'url'), text('img', 'Image URL', 'url'), actions, error);
      return item;
    }

    function mark() {
      const row = { key: nextKey++, start: Math.round(audio.currentTime * 1000), startText: null, title: '', url: '', img: '', toc: true };
      rows.push(row);
      sort();
      render({ key: row.key, selector: '.title-input' });
      check();
    }

    function rowErrors(errors) {
      list.querySelectorAll('.chapter-row').forEach(item => {
        item.classList.remove('invalid');
        item.querySelector('.row-error').textContent = '';
      });
      errors.forEach(({ index, text }) => {
        const item = list.children[index];
        if (!item) return;
        item.classList.add('invalid');
        const slot = item.querySelector('.row-error');
        slot.textContent = `${slot.textContent} ${text}`.trim();
      });
    }

    let timer = null;
    /** The API's own rules (a preview, nothing saved), so the editor never disagrees with a save. */
    function check() {
      clearTimeout(timer);
      const unreadable = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.startText !== null)
        .map(({ index }) => ({ index, text: 'The start is not a time: write it as HH:MM:SS.mmm (or MM:SS).' }));
      valid = false;
      updateSave();
      if (unreadable.length) { rowErrors(unreadable); return; }
      timer = setTimeout(async () => {
        const ticket = ++checking;
        const result = await api('POST', `${base}/chapters/import?format=json&preview=true`, JSON.stringify(document_()),
          { 'Content-Type': 'application/json' });
        if (ticket !== checking) return; // a newer check is on its way
        if (result.ok) {
          valid = true;
          rowErrors([]);
          showEditorError('');
        } else if (result.status === 422 && result.problem.errors) {
          rowErrors(result.problem.errors.filter(e => e.index !== undefined)
            .map(e => ({ index: e.index, text: sentence(e.field === 'startTime' ? 'start' : e.field, e.reason) })));
          const general = result.problem.errors.filter(e => e.index === undefined);
          showEditorError(general.length ? result.problem.detail : 'Some chapters need fixing before they can be saved.');
        } else {
          showEditorError(result.problem.detail);
        }
        updateSave();
      }, 250);
    }

    function updateSave() {
      saveButton.disabled = !valid;
      if (dirty() && !saveStatus.dataset.busy) saveStatus.textContent = valid ? 'Unsaved changes.' : '';
    }

    async function save(overwrite = false) {
      if (!valid) return;
      saveStatus.dataset.busy = '1';
      saveStatus.textContent = 'Saving…';
      document.getElementById('conflict').hidden = true;
      if (overwrite) {
        const current = await api('GET', `${base}/chapters`);
        if (current.ok) etag = current.etag;
      }
      const sent = JSON.stringify(document_());
      const result = await api('PUT', `${base}/chapters`, sent, { 'Content-Type': 'application/json', 'If-Match': etag });
      delete saveStatus.dataset.busy;
      if (result.status === 412) {
        saveStatus.textContent = '';
        document.getElementById('conflict').hidden = false;
        document.getElementById('reload').focus();
        return;
      }
      if (!result.ok) {
        saveStatus.textContent = '';
        if (result.problem.errors) {
          rowErrors(result.problem.errors.filter(e => e.index !== undefined)
            .map(e => ({ index: e.index, text: sentence(e.field, e.reason) })));
        }
        showEditorError(result.problem.detail);
        return;
      }
      etag = result.etag;
      savedJson = sent;
      showEditorError('');
      saveStatus.textContent = `Saved at ${new Date().toLocaleTimeString()}. Writing the chapters into the MP3…`;
      followTagging();
    }

    /** After a save the MP3 is re-tagged in the background; the feed follows when it is done. */
    async function followTagging() {
      const until = Date.now() + 120000;
      while (Date.now() < until) {
        await new Promise(resolve => setTimeout(resolve, 700));
        const result = await api('GET', base);
        if (!result.ok) break;
        const episode = result.json;
        if (episode.audio.tagError) {
          saveStatus.textContent = `Saved, but the MP3 could not be re-tagged: ${episode.audio.tagError}`;
          return;
        }
        if (episode.audio.tagged) {
          const time = new Date().toLocaleTimeString();
          saveStatus.textContent = episode.status === 'published'
            ? `Saved. MP3 re-tagged and feed updated at ${time}.`
            : `Saved. MP3 re-tagged at ${time} (the episode is a ${episode.status}: the feed will have it once published).`;
          saveStatus.dataset.tagged = 'true';
          return;
        }
      }
      saveStatus.textContent = 'Saved. The MP3 is still being re-tagged; reload the page later to see it done.';
    }

    // Player
    const play = document.getElementById('play');
    const toggle = () => (audio.paused ? audio.play() : audio.pause());
    play.addEventListener('click', toggle);
    audio.addEventListener('play', () => { play.textContent = 'Pause'; play.setAttribute('aria-label', 'Pause'); tick(); });
    audio.addEventListener('pause', () => { play.textContent = 'Play'; play.setAttribute('aria-label', 'Play'); });
    audio.addEventListener('timeupdate', () => { clock.textContent = formatTime(audio.currentTime * 1000); highlight(); });
    function tick() {
      clock.textContent = formatTime(audio.currentTime * 1000);
      if (!audio.paused) requestAnimationFrame(tick);
    }
    root.querySelectorAll('[data-skip]').forEach(b => b.addEventListener('click', () => {
      audio.currentTime = Math.max(0, Math.min(audio.duration || Infinity, audio.currentTime + Number(b.dataset.skip)));
      clock.textContent = formatTime(audio.currentTime * 1000);
    }));
    document.getElementById('speed').addEventListener('change', event => { audio.playbackRate = Number(event.target.value); });
    function highlight() {
      const now = audio.currentTime * 1000;
      let current = -1;
      rows.forEach((row, index) => { if (row.start <= now) current = index; });
      [...list.children].forEach((item, index) => item.classList.toggle('current', index === current));
    }

    document.getElementById('mark').addEventListener('click', mark);
    document.addEventListener('keydown', event => {
      const target = event.target;
      const typing = target.closest('input, textarea, select, [contenteditable]');
      if (typing) {
        // Enter or Escape in a chapter field hands the keys back to the player (M, Space).
        if ((event.key === 'Enter' || event.key === 'Escape') && target.closest('.chapter-row') && target.type !== 'checkbox') {
          event.preventDefault();
          target.dispatchEvent(new Event('change'));
          target.blur();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'm' || event.key === 'M') { event.preventDefault(); mark(); }
      else if (event.key === ' ' && !target.closest('button, a, audio')) { event.preventDefault(); toggle(); }
    });

    let overwriteNext = false;
    saveButton.addEventListener('click', () => {
      const overwrite = overwriteNext;
      overwriteNext = false;
      saveButton.textContent = 'Save chapters';
      save(overwrite);
    });
    document.getElementById('reload').addEventListener('click', () => {
      document.getElementById('conflict').hidden = true;
      overwriteNext = false;
      saveButton.textContent = 'Save chapters';
      load();
    });
    document.getElementById('keep').addEventListener('click', () => {
      const conflict = document.getElementById('conflict');
      conflict.hidden = true;
      saveStatus.textContent = 'Your version is kept here, not saved. Save again to replace theirs with it.';
      saveButton.textContent = 'Save mine over theirs';
      overwriteNext = true;
    });
    window.addEventListener('beforeunload', event => { if (dirty()) { event.preventDefault(); event.returnValue = ''; } });

    // Import
    const format = document.getElementById('import-format');
    const importText = document.getElementById('import-text');
    const importError = document.getElementById('import-error');
    const preview = document.getElementById('import-preview');
    let imported = [];
    format.addEventListener('change', () => { importText.disabled = format.value === 'shownotes'; });
    document.getElementById('import-file').addEventListener('change', async event => {
      const file = event.target.files[0];
      if (file) importText.value = await file.text();
    });
    document.getElementById('preview').addEventListener('click', async () => {
      importError.hidden = true;
      preview.hidden = true;
      const result = await api('POST', `${base}/chapters/import?format=${encodeURIComponent(format.value)}&preview=true`,
        format.value === 'shownotes' ? '' : importText.value,
        { 'Content-Type': format.value === 'json' ? 'application/json' : 'text/plain; charset=utf-8' });
      if (!result.ok) {
        const lines = (result.problem.errors || []).map(e => `${e.line ? `Line ${e.line}: ` : e.index !== undefined ? `Chapter ${e.index + 1}: ` : ''}${e.field} ${e.reason}`);
        importError.textContent = lines.length ? `${result.problem.detail.split(':')[0]}:\n${lines.join('\n')}` : result.problem.detail;
        importError.hidden = false;
        return;
      }
      imported = result.json.chapters || [];
      document.getElementById('preview-count').textContent = `${imported.length} chapter${imported.length === 1 ? '' : 's'}`;
      document.getElementById('preview-list').replaceChildren(...imported.map(c => {
        const item = document.createElement('li');
        item.textContent = `${formatTime(c.startTime * 1000)} ${c.title}`;
        return item;
      }));
      preview.hidden = false;
    });
    document.getElementById('apply-import').addEventListener('click', () => {
      rows = toRows(imported);
      sort();
      preview.hidden = true;
      render();
      check();
      saveStatus.textContent = 'Imported. Check them, then save.';
    });
    document.getElementById('cancel-import').addEventListener('click', () => { preview.hidden = true; });

    load();
  }
})();
