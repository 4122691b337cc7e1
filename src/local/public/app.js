// The local workspace page: renders what the app sent (Block Kit) and turns typing and clicks into the
// requests Slack would send, through the local server. Plain browser JavaScript, no build step.
const $ = (sel) => document.querySelector(sel);
let config = { teams: [], users: [] };
let state = null;
let userId = localStorage.getItem('rapport.user') || 'U0DANA';
let tab = 'channel';
/** The page's own words in its person's language (src/i18n/messages/page.ts), and that language. */
let words = {};
let pageLocale = null;

const api = async (path, body) => {
  const res = await fetch(
    path,
    body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: userId, ...body }) } : undefined,
  );
  return res.json();
};
/** One of the page's own words, with its `{arguments}` filled in. */
const w = (key, args = {}) => String(words[key] ?? key).replace(/\{(\w+)\}/g, (all, name) => (name in args ? String(args[name]) : all));
/** The page's answers: its own words and the app's, with their `code` shown as code. */
const notice = (text) => {
  $('#notice').innerHTML = esc(text || '').replace(/`([^`]+)`/g, '<code>$1</code>');
};
/** Who the page plays, for the stand-in's "Allow" page (served by the same origin): it installs for them. */
const rememberUser = () => {
  localStorage.setItem('rapport.user', userId);
  document.cookie = `rapport.user=${encodeURIComponent(userId)}; path=/; SameSite=Lax`;
};

function esc(text) {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
function channelName(id) {
  return config.teams.find((t) => t.channelId === id)?.channelName ?? id;
}
function userName(id) {
  return config.users.find((u) => u.id === id)?.name ?? id;
}
/** Slack mrkdwn (already escaped by the app: &lt; etc. stay escaped) → HTML. */
function mrkdwn(text) {
  // Links (`<url|text>`, `<url>`) are set aside while the rest is escaped, then put back as links.
  const links = [];
  const escapeText = (t) =>
    t
      .replace(/&(?!amp;|lt;|gt;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
  return String(text ?? '')
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id) => `\u0001@${userName(id)}\u0002`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id, name) => `\u0001#${name || channelName(id)}\u0002`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '\u0001@$1\u0002')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>\s]+)(?:\|([^>]*))?>/g, (_, url, label) => `\u0003${links.push({ url, label: label || url }) - 1}\u0004`)
    .replace(/&(?!amp;|lt;|gt;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/\u0001([^\u0002]*)\u0002/g, '<span class="mention">$1</span>')
    .replace(/\u0003(\d+)\u0004/g, (_, i) => {
      const { url, label } = links[Number(i)];
      return `<a href="${url.replace(/"/g, '&quot;')}" target="_blank" rel="noopener">${escapeText(label)}</a>`;
    })
    .replace(/\n/g, '<br>');
}
/** The page's own words with `code` and *bold* (its hint). */
const wordsHtml = (key) =>
  esc(w(key))
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>');
const plain = (t) => esc(t?.text ?? '');
const textOf = (t) => (t?.type === 'mrkdwn' ? mrkdwn(t.text) : plain(t));

function el(html) {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild;
}

/** Renders blocks; `where` says what a click is about: a message, a modal, or the Home tab. */
function renderBlocks(blocks, where, container) {
  for (const b of blocks || []) {
    let node;
    switch (b.type) {
      case 'header':
        node = el(`<div class="block header">${plain(b.text)}</div>`);
        break;
      case 'divider':
        node = el('<hr>');
        break;
      case 'context':
        node = el(`<div class="block context">${(b.elements || []).map((e) => textOf(e)).join(' ')}</div>`);
        break;
      case 'section': {
        node = el('<div class="block section"></div>');
        if (b.text) node.appendChild(el(`<div>${textOf(b.text)}</div>`));
        if (b.fields) node.appendChild(el(`<div class="fields">${b.fields.map((f) => `<div>${textOf(f)}</div>`).join('')}</div>`));
        if (b.accessory) {
          const acc = el('<div class="section-accessory"></div>');
          acc.appendChild(renderElement(b.accessory, b.block_id, where));
          node.appendChild(acc);
        }
        break;
      }
      case 'actions': {
        node = el('<div class="block actions"></div>');
        for (const e of b.elements || []) node.appendChild(renderElement(e, b.block_id, where));
        break;
      }
      case 'input':
        node = renderInput(b, where);
        break;
      case 'image': {
        // An uploaded file (slack_file), loaded from the stand-in as Slack's client loads it; a URL as given.
        const src = b.slack_file?.id ? `/files-pri/${encodeURIComponent(b.slack_file.id)}` : b.image_url || b.slack_file?.url || '';
        node = el(
          `<figure class="block image" style="margin:0">${b.title ? `<figcaption>${plain(b.title)}</figcaption>` : ''}<img src="${esc(src)}" alt="${esc(b.alt_text)}" style="max-width:100%;height:auto" data-testid="image"></figure>`,
        );
        break;
      }
      default:
        node = el(`<div class="block context">[${esc(b.type)} block]</div>`);
    }
    if (b.block_id) node.dataset.blockId = b.block_id;
    container.appendChild(node);
  }
}

function sendAction(where, element, blockId, extra) {
  return api('/local/action', { ...where, actionId: element.action_id, blockId, type: element.type, ...extra });
}

function renderElement(e, blockId, where) {
  if (e.type === 'button') {
    const btn = el(`<button class="${e.style || ''}">${plain(e.text)}</button>`);
    // In a form, Slack sends what has been typed so far with the click (view.state).
    btn.addEventListener('click', () => sendAction(where, e, blockId, { value: e.value, ...(where.viewId ? { values: readValues() } : {}) }));
    return btn;
  }
  if (e.type === 'overflow' || e.type === 'static_select') {
    const sel = el(
      `<select><option value="">${e.type === 'overflow' ? esc(w('more')) : plain(e.placeholder) || esc(w('choose'))}</option>${e.options.map((o) => `<option value="${esc(o.value)}">${plain(o.text)}</option>`).join('')}</select>`,
    );
    sel.addEventListener('change', () => {
      const o = e.options.find((x) => x.value === sel.value);
      if (o) sendAction(where, e, blockId, { selectedOption: o });
      if (e.type === 'overflow') sel.value = '';
    });
    return sel;
  }
  return el(`<span class="block context">[${esc(e.type)}]</span>`);
}

/** Modal inputs, with their state read back in Slack's `view.state.values` shape on submit. */
function renderInput(b, where) {
  const e = b.element;
  const node = el(
    `<div class="input" data-block="${esc(b.block_id)}" data-type="${esc(e.type)}"><label class="title">${plain(b.label)}${b.optional ? ` <span class="hint">${esc(w('optional'))}</span>` : ''}</label></div>`,
  );
  let field;
  switch (e.type) {
    case 'plain_text_input':
      field = e.multiline ? el(`<textarea rows="3" name="${esc(b.block_id)}"></textarea>`) : el(`<input type="text" name="${esc(b.block_id)}">`);
      field.value = e.initial_value ?? '';
      break;
    case 'number_input':
      field = el(`<input type="number" name="${esc(b.block_id)}" step="${e.is_decimal_allowed ? 'any' : '1'}">`);
      field.value = e.initial_value ?? '';
      break;
    case 'datepicker':
      field = el(`<input type="date" name="${esc(b.block_id)}">`);
      field.value = e.initial_date ?? '';
      break;
    case 'checkboxes': {
      const initial = new Set((e.initial_options || []).map((o) => o.value));
      field = el(
        `<div class="checks">${e.options.map((o) => `<label><input type="checkbox" value="${esc(o.value)}" ${initial.has(o.value) ? 'checked' : ''}> ${plain(o.text)}</label>`).join('')}</div>`,
      );
      break;
    }
    case 'multi_static_select': {
      const initial = new Set((e.initial_options || []).map((o) => o.value));
      field = el(
        `<select multiple size="${Math.min(e.options.length, 6)}" name="${esc(b.block_id)}">${e.options.map((o) => `<option value="${esc(o.value)}" ${initial.has(o.value) ? 'selected' : ''}>${plain(o.text)}</option>`).join('')}</select>`,
      );
      break;
    }
    case 'static_select':
      field = el(
        `<select name="${esc(b.block_id)}"><option value="">${esc(w('choose'))}</option>${e.options.map((o) => `<option value="${esc(o.value)}">${plain(o.text)}</option>`).join('')}</select>`,
      );
      if (e.initial_option) field.value = e.initial_option.value;
      if (b.dispatch_action)
        field.addEventListener('change', () => {
          const o = e.options.find((x) => x.value === field.value);
          if (o) sendAction({ ...where, values: readValues() }, e, b.block_id, { selectedOption: o });
        });
      break;
    case 'external_select': {
      // Type to search: the app's options load answers, as Slack's type-ahead does.
      field = el(
        `<div><input type="text" placeholder="${plain(e.placeholder) || esc(w('search'))}" data-role="search" dir="auto"><select data-role="choice"></select></div>`,
      );
      const search = field.querySelector('[data-role=search]');
      const choice = field.querySelector('[data-role=choice]');
      const none = `<option value="">${esc(w('choose'))}</option>`;
      const fill = (options) => {
        choice.innerHTML = none + options.map((o) => `<option value="${esc(o.value)}">${plain(o.text)}</option>`).join('');
      };
      const load = async () => {
        const res = await api('/local/options', { viewId: where.viewId, actionId: e.action_id, blockId: b.block_id, value: search.value });
        const current = choice.value;
        fill(res.options || []);
        if ([...choice.options].some((o) => o.value === current)) choice.value = current;
      };
      // Nothing is picked until the person picks (Save without choosing must not log against the first client).
      if (e.initial_option) {
        fill([e.initial_option]);
        choice.value = e.initial_option.value;
      } else load();
      search.addEventListener('input', load);
      break;
    }
    default:
      field = el(`<span>[${esc(e.type)}]</span>`);
  }
  node.appendChild(field);
  if (b.hint) node.appendChild(el(`<div class="hint">${plain(b.hint)}</div>`));
  node.appendChild(el('<div class="error"></div>'));
  return node;
}

function readValues() {
  const values = {};
  for (const node of document.querySelectorAll('#modal .input')) {
    const id = node.dataset.block;
    const type = node.dataset.type;
    let v;
    if (type === 'checkboxes') v = { type, selected_options: [...node.querySelectorAll('input:checked')].map((c) => ({ value: c.value })) };
    else if (type === 'multi_static_select')
      v = {
        type,
        selected_options: [...node.querySelector('select').selectedOptions].map((o) => ({ value: o.value, text: { type: 'plain_text', text: o.textContent } })),
      };
    else if (type === 'datepicker') v = { type, selected_date: node.querySelector('input').value || null };
    else if (type === 'static_select') {
      const s = node.querySelector('select');
      v = { type, selected_option: s.value ? { value: s.value, text: { type: 'plain_text', text: s.selectedOptions[0].textContent } } : null };
    } else if (type === 'external_select') {
      const s = node.querySelector('[data-role=choice]');
      v = { type, selected_option: s.value ? { value: s.value, text: { type: 'plain_text', text: s.selectedOptions[0].textContent } } : null };
    } else {
      const f = node.querySelector('input, textarea');
      v = { type, value: f && f.value !== '' ? f.value : null };
    }
    values[id] = { [id]: v };
  }
  return values;
}

function renderMessages(list, pane) {
  if (list.length === 0) pane.appendChild(el(`<p class="hint">${esc(w('nothingYet'))}</p>`));
  for (const m of list) {
    const node = el(
      `<div class="msg ${m.for ? 'ephemeral' : ''} ${m.threadTs ? 'thread' : ''}" data-testid="message"><span class="who">${m.user ? esc(userName(m.user)) : 'Rapport'}</span><span class="meta">${m.for ? esc(w('onlyYou')) : m.threadTs ? esc(w('inThread')) : ''}</span></div>`,
    );
    // The message shortcut ("⋯ → Log to Rapport") is on what people wrote; Rapport's own messages have nothing to log.
    if (!m.for && m.user) {
      const shortcut = el(
        `<button type="button" class="msg-shortcut" data-testid="log-to-rapport" title="${esc(w('shortcut'))}">${esc(w('logToRapport'))}</button>`,
      );
      shortcut.addEventListener('click', async () => notice((await api('/local/shortcut', { messageId: m.id })).error || ''));
      node.appendChild(shortcut);
    }
    if (m.blocks?.length) renderBlocks(m.blocks, { messageId: m.id }, node);
    // Each message lays itself out by its own words (dir=auto): Persian right to left, a Latin name in it readable.
    else node.appendChild(el(`<div class="body" dir="auto">${mrkdwn(m.text)}</div>`));
    // Files the app shared (an export): each downloads under its own name.
    if (m.files?.length)
      node.appendChild(
        el(
          `<ul class="files">${m.files.map((f) => `<li><a href="/local/files/${encodeURIComponent(f.id)}" download="${esc(f.name)}" data-testid="file">📄 ${esc(f.name)}</a></li>`).join('')}</ul>`,
        ),
      );
    pane.appendChild(node);
  }
}

let openModalId = null;
/** The next render shows the newest message (first load, a tab switch, a command just sent). */
let stickToEnd = true;
function renderModal() {
  const dialog = $('#modal');
  const v = state.modal;
  if (!v) {
    if (dialog.open) dialog.close();
    openModalId = null;
    return;
  }
  // Re-render only when the view changed (keeps what the user typed while nothing else moved).
  const key = `${v.id}:${v.hash}`;
  if (openModalId === key && dialog.open) return;
  openModalId = key;
  dialog.innerHTML = '';
  dialog.appendChild(el(`<div class="modal-title">${plain(v.view.title)}</div>`));
  const body = el('<div class="modal-body"></div>');
  renderBlocks(v.view.blocks, { viewId: v.id }, body);
  dialog.appendChild(body);
  const foot = el(
    `<div class="modal-foot"><button type="button" data-role="cancel">${plain(v.view.close) || esc(w('cancel'))}</button><button type="button" class="primary" data-role="submit" data-testid="modal-submit">${plain(v.view.submit) || esc(w('submit'))}</button></div>`,
  );
  const cancel = () => api('/local/close', { viewId: v.id });
  foot.querySelector('[data-role=cancel]').addEventListener('click', cancel);
  // Esc is Cancel: the form is closed for the app too, so it does not come back on the next refresh.
  dialog.oncancel = (ev) => {
    ev.preventDefault();
    cancel();
  };
  foot.querySelector('[data-role=submit]').addEventListener('click', async () => {
    for (const e of dialog.querySelectorAll('.error')) e.textContent = '';
    const res = await api('/local/submit', { viewId: v.id, values: readValues() });
    if (res.errors) {
      for (const [block, message] of Object.entries(res.errors)) {
        const target = dialog.querySelector(`.input[data-block="${CSS.escape(block)}"] .error`) || dialog.querySelector('.error');
        if (target) target.textContent = message;
      }
    }
  });
  dialog.appendChild(foot);
  if (!dialog.open) dialog.showModal();
}

/** The app's time in this workspace, in its time zone and the page's language; it keeps going between refreshes. */
let clockAhead = 0;
function renderClock() {
  if (!state?.clock) return;
  const at = new Date(Date.now() + clockAhead);
  const shown = new Intl.DateTimeFormat(pageLocale || 'en', {
    timeZone: state.clock.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  $('#app-time-label').textContent = w('appTime', { team: state.team.name });
  $('#app-time').textContent = state.clock.moved ? `${shown} (${w('movedOn')})` : shown;
  return shown;
}
setInterval(renderClock, 15_000);

function render() {
  if (!state) return;
  renderClock();
  $('#team-name').textContent = `${state.team.name}`;
  $('#tab-channel').textContent = `# ${state.team.channelName}`;
  for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.tab === tab);
  const pane = $('#pane');
  // Whose view is drawn (the switch may already name someone else while their view loads).
  pane.dataset.user = state.user.id;
  const scrolledToEnd = stickToEnd || pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 20;
  stickToEnd = false;
  pane.innerHTML = '';
  // As in Slack: a workspace without Rapport has no Rapport commands, messages or Home; only "Add to Slack".
  for (const id of ['#composer-input', '#seed', '#digest', '#language-select', '#jump-monday', '#plus-day']) $(id).disabled = !state.installed;
  if (!state.installed) {
    $('#pane-title').textContent = `# ${state.team.channelName}`;
    pane.appendChild(
      el(
        `<div class="install" data-testid="not-installed"><p>${esc(w('notInstalled', { team: state.team.name }))}</p>` +
          `<a class="button" data-testid="add-to-slack" href="${esc(config.installUrl)}">${esc(w('addToSlack'))}</a></div>`,
      ),
    );
    renderModal();
    return;
  }
  if (tab === 'channel') {
    $('#pane-title').textContent = `# ${state.team.channelName}`;
    renderMessages(state.channel, pane);
  }
  if (tab === 'dms') {
    $('#pane-title').textContent = w('titleDms');
    renderMessages(state.dms, pane);
  }
  if (tab === 'home') {
    $('#pane-title').textContent = w('titleHome');
    if (state.home) renderBlocks(state.home.blocks, { home: true }, pane);
    else pane.appendChild(el(`<p class="hint">${esc(w('openingHome'))}</p>`));
  }
  if (scrolledToEnd) pane.scrollTop = pane.scrollHeight;
  renderModal();
}

/**
 * The page in its person's language: its words from the catalogue, and its direction (Persian: right to left).
 * Loaded when the language Rapport speaks to them changes (the switch, a demo loaded in another language).
 */
async function speak(locale) {
  if (locale === pageLocale) return;
  const loaded = await api(`/local/messages?locale=${encodeURIComponent(locale)}`);
  words = loaded.messages;
  pageLocale = loaded.locale;
  document.documentElement.lang = loaded.locale;
  document.documentElement.dir = loaded.dir;
  document.title = w('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = w(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-md]')) node.innerHTML = wordsHtml(node.dataset.i18nMd);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = w(node.dataset.i18nPlaceholder);
  const people = $('#user-select');
  people.innerHTML = config.users
    .map((u) => `<option value="${u.id}">${esc(w(`person.${u.name}`))} · ${esc(config.teams.find((t) => t.id === u.teamId).name)}</option>`)
    .join('');
  people.value = userId;
  $('#language-select').value = loaded.locale;
  // Forms and Home were drawn in the words of the language before.
  openModalId = null;
}

/**
 * Loads and draws the person's view. One load at a time: a call during a load loads once more after it, so an
 * older view (another person's, before a switch) never lands after a newer one. Resolves once the view drawn is
 * one loaded after the call.
 */
let loading = null;
let loadAgain = false;
function refresh() {
  if (loading) {
    loadAgain = true;
    return loading;
  }
  loading = (async () => {
    do {
      loadAgain = false;
      const next = await api(`/local/state?user=${encodeURIComponent(userId)}`);
      await speak(next.locale);
      state = next;
      clockAhead = Date.parse(next.clock.now) - Date.now();
      render();
    } while (loadAgain);
  })().finally(() => {
    loading = null;
  });
  return loading;
}

async function start() {
  config = await api('/local/config');
  const select = $('#user-select');
  select.innerHTML = config.users
    .map((u) => `<option value="${u.id}">${esc(u.title)} · ${esc(config.teams.find((t) => t.id === u.teamId).name)}</option>`)
    .join('');
  select.value = userId;
  rememberUser();
  // The switch names each language in its own words; choosing one is `/rapport settings me language …`.
  const languages = $('#language-select');
  languages.innerHTML = config.locales.map((l) => `<option value="${l}" lang="${l}">${esc(config.languageNames[l])}</option>`).join('');
  languages.addEventListener('change', async () => {
    notice(w('switching'));
    stickToEnd = true;
    const res = await api('/local/language', { language: languages.value });
    notice(res.error || '');
    await refresh();
    if (tab === 'home') await api('/local/home', {});
  });
  select.addEventListener('change', () => {
    userId = select.value;
    rememberUser();
    openModalId = null;
    refresh();
  });
  for (const b of document.querySelectorAll('.tab'))
    b.addEventListener('click', async () => {
      tab = b.dataset.tab;
      stickToEnd = true;
      if (tab === 'home') await api('/local/home', {});
      render();
    });
  $('#composer').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = $('#composer-input');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    tab = 'channel';
    stickToEnd = true;
    // A slash command goes to Rapport; anything else is a message in the channel, as in Slack.
    const res = await api(text.startsWith('/') ? '/local/command' : '/local/message', { text });
    notice(res.error || '');
  });
  // The demo in the page's language: a Turkish page loads Turkish clients, and the workspace speaks Turkish.
  $('#seed').addEventListener('click', async () => {
    notice(w('seeding'));
    const res = await api('/local/seed', { language: pageLocale });
    await refresh();
    notice(res.message || res.error);
  });
  $('#digest').addEventListener('click', async () => {
    notice(w('posting'));
    tab = 'channel';
    await api('/local/digest', {});
    notice('');
  });
  // The clock moves for this workspace only; what falls due is done before the answer comes.
  for (const [button, move] of [
    ['#jump-monday', 'monday'],
    ['#plus-day', 'day'],
  ])
    $(button).addEventListener('click', async () => {
      notice(w('moving'));
      // What fell due is posted to the channel: shown at its end.
      tab = 'channel';
      stickToEnd = true;
      const res = await api('/local/clock', { move });
      if (res.error) return notice(res.error);
      await refresh();
      notice(w('moved', { time: renderClock(), team: state.team.name }));
    });
  await refresh();
  new EventSource('/local/events').onmessage = () => refresh();
  // Back from "Add to Slack": said only when the workspace of the person playing has Rapport now.
  if (new URLSearchParams(location.search).has('installed')) {
    if (state.installed) notice(w('installed', { team: state.team.name }));
    history.replaceState(null, '', '/');
  }
}
start();
