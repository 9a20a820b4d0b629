/*
 * Shiftdesk chat widget. A site embeds it with one tag:
 *   <script src="https://desk.example.com/chat/widget.js" data-locale="pl" async></script>
 * It draws its own button and panel in a shadow root (the host page's styles cannot reach in, nor
 * ours out), talks to the desk over socket.io, and keeps the chat's token in localStorage so a
 * reload picks the conversation up where it was. Plain browser JavaScript, no build step: the server
 * serves this file as it is, with the strings filled in.
 */
(() => {
  'use strict';
  const script = document.currentScript;
  // Embedded twice (a tag manager and the page both), it still draws one widget.
  if (!script || window.shiftdeskChat) return;

  const STRINGS = /* strings */ {};
  const LANGUAGES = /* languages */ {};
  const base = new URL('../', script.src);
  const storeKey = `shiftdesk-chat:${base.href}`;
  const locales = Object.keys(STRINGS);
  const pickLocale = (tag) => {
    const short = String(tag || '').slice(0, 2).toLowerCase();
    return locales.includes(short) ? short : null;
  };

  const stored = (() => {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || '{}');
    } catch {
      return {};
    }
  })();
  const remember = () => {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ token, name: fields.name.value.trim(), email: fields.email.value.trim(), locale }));
    } catch {
      // Private modes may refuse storage: the chat still works, it just does not survive a reload.
    }
  };

  let locale = pickLocale(stored.locale) || pickLocale(script.dataset.locale) || pickLocale(navigator.language) || 'en';
  let token = typeof stored.token === 'string' ? stored.token : null;
  let socket = null;
  let ready = false;
  let flushing = false;
  let lastSeq = 0;
  let unread = 0;
  let chat = { state: 'bot', awaitingFeedback: false, ticketNumber: null };
  const outbox = [];
  const t = (key) => STRINGS[locale][key];

  // ---- the DOM -------------------------------------------------------------------------------
  const el = (tag, attributes = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === true) node.setAttribute(name, '');
      else if (value !== false && value !== null) node.setAttribute(name, value);
    }
    for (const child of children) node.append(child);
    return node;
  };

  const host = el('div', { id: 'shiftdesk-chat' });
  const root = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = `
    :host { all: initial; }
    * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; border: 0; border-radius: 24px;
      padding: 12px 20px; background: #1d4ed8; color: #fff; font-size: 15px; font-weight: 600; cursor: pointer;
      box-shadow: 0 4px 14px rgba(15, 23, 42, .25); }
    .launcher:hover { background: #1e40af; }
    .badge { display: inline-block; min-width: 20px; margin-left: 8px; padding: 1px 6px; border-radius: 10px;
      background: #fff; color: #1d4ed8; font-size: 13px; }
    .panel { position: fixed; right: 20px; bottom: 76px; z-index: 2147483000; width: min(380px, calc(100vw - 40px));
      height: min(560px, calc(100vh - 100px)); display: flex; flex-direction: column; background: #fff; color: #0f172a;
      border-radius: 12px; box-shadow: 0 10px 30px rgba(15, 23, 42, .3); overflow: hidden; font-size: 14px; }
    .panel[hidden], [hidden] { display: none !important; }
    .head { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: #1d4ed8; color: #fff; }
    h2 { margin: 0; font-size: 16px; flex: 1; }
    .ticket { font-size: 13px; }
    .close { border: 0; background: transparent; color: #fff; font-size: 22px; line-height: 1; cursor: pointer;
      width: 32px; height: 32px; border-radius: 6px; }
    .close:hover { background: rgba(255, 255, 255, .15); }
    form.start { padding: 16px; display: flex; flex-direction: column; gap: 6px; overflow-y: auto; }
    .intro, .hint { margin: 0 0 6px; color: #334155; }
    .hint { font-size: 12px; }
    label { font-weight: 600; margin-top: 6px; }
    input, select, textarea { font-size: 14px; padding: 8px 10px; border: 1px solid #64748b; border-radius: 6px; color: #0f172a; background: #fff; }
    input[aria-invalid="true"] { border-color: #b91c1c; }
    .error { color: #b91c1c; margin: 4px 0 0; min-height: 1em; }
    .primary { margin-top: 8px; border: 0; border-radius: 6px; padding: 10px 14px; background: #1d4ed8; color: #fff;
      font-size: 14px; font-weight: 600; cursor: pointer; }
    .primary:hover { background: #1e40af; }
    .secondary { border: 1px solid #1d4ed8; border-radius: 6px; padding: 7px 12px; background: #fff; color: #1d4ed8;
      font-size: 13px; font-weight: 600; cursor: pointer; }
    .secondary:hover { background: #eff6ff; }
    .chat { display: flex; flex-direction: column; flex: 1; min-height: 0; }
    .log { flex: 1; overflow-y: auto; padding: 12px 14px; display: flex; flex-direction: column; gap: 10px; background: #f8fafc; }
    .line { max-width: 85%; padding: 8px 11px; border-radius: 10px; background: #fff; border: 1px solid #e2e8f0; }
    .line p { margin: 2px 0 0; white-space: pre-line; overflow-wrap: anywhere; }
    .who { display: block; font-size: 12px; font-weight: 700; color: #475569; }
    .visitor { align-self: flex-end; background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
    .visitor .who { color: #dbeafe; }
    .pending { opacity: .7; }
    .agent { border-color: #047857; background: #ecfdf5; }
    .agent .who { color: #065f46; }
    .system { align-self: center; max-width: 95%; background: #fff7ed; border-color: #fdba74; color: #7c2d12; font-size: 13px; }
    .system .who { color: #7c2d12; }
    .articles { margin: 6px 0 0; padding-left: 18px; }
    .articles li { margin: 4px 0; }
    .articles a { color: #1d4ed8; font-weight: 600; }
    .survey { display: inline-block; margin-top: 8px; padding: 7px 12px; border-radius: 6px; background: #1d4ed8; color: #fff;
      font-weight: 600; text-decoration: none; }
    .survey:hover { background: #1e40af; }
    .excerpt { display: block; color: #475569; font-size: 12px; }
    .status { padding: 4px 14px; font-size: 12px; color: #334155; min-height: 0; }
    .status:empty { display: none; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 14px 0; }
    .actions:empty { display: none; }
    .composer { display: flex; gap: 8px; padding: 10px 14px 14px; border-top: 1px solid #e2e8f0; margin-top: 8px; }
    .composer textarea { flex: 1; resize: none; height: 44px; }
    .composer .primary { margin: 0; }
    .ended { padding: 12px 14px 14px; display: flex; flex-direction: column; gap: 8px; border-top: 1px solid #e2e8f0; }
    .ended p { margin: 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  `;

  // Elements whose text comes from STRINGS carry data-s (their text) or data-s-label (their aria-label);
  // they are kept here because some (the Yes/No buttons) are out of the DOM when the language changes.
  const translatable = [];
  const say = (key, tag = 'span', attributes = {}) => {
    const node = el(tag, { 'data-s': key, ...attributes });
    translatable.push(node);
    return node;
  };
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'panel' }, [
    say('open'),
    el('span', { class: 'badge', hidden: true }),
  ]);
  const title = say('title', 'h2', { id: 'title' });
  const ticketLabel = el('span', { class: 'ticket' });
  const closeButton = el('button', { class: 'close', type: 'button', 'data-s-label': 'close' }, ['×']);

  const fields = {
    name: el('input', { id: 'name', name: 'name', autocomplete: 'name', required: true, maxlength: '100' }),
    email: el('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'email', maxlength: '254', 'aria-describedby': 'email-hint' }),
    language: el('select', { id: 'language', name: 'language' }),
  };
  for (const [code, name] of Object.entries(LANGUAGES)) fields.language.append(el('option', { value: code, lang: code }, [name]));
  fields.name.value = stored.name || '';
  fields.email.value = stored.email || '';
  const formError = el('p', { class: 'error', role: 'alert' });
  const startForm = el('form', { class: 'start', novalidate: true }, [
    say('intro', 'p', { class: 'intro' }),
    say('name', 'label', { for: 'name' }),
    fields.name,
    say('email', 'label', { for: 'email' }),
    fields.email,
    say('emailHint', 'p', { class: 'hint', id: 'email-hint' }),
    say('language', 'label', { for: 'language' }),
    fields.language,
    formError,
    say('start', 'button', { class: 'primary', type: 'submit' }),
  ]);

  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'data-s-label': 'log', tabindex: '0' });
  const status = el('div', { class: 'status', role: 'status' });
  const yesButton = say('yes', 'button', { class: 'secondary', type: 'button' });
  const noButton = say('no', 'button', { class: 'secondary', type: 'button' });
  const humanButton = say('human', 'button', { class: 'secondary', type: 'button' });
  const actions = el('div', { class: 'actions' });
  const message = el('textarea', { id: 'message', name: 'message', rows: '2', maxlength: '2000' });
  const composer = el('form', { class: 'composer' }, [
    say('message', 'label', { for: 'message', class: 'visually-hidden' }),
    message,
    say('send', 'button', { class: 'primary', type: 'submit' }),
  ]);
  const newChatButton = say('newChat', 'button', { class: 'primary', type: 'button' });
  const ended = el('div', { class: 'ended', hidden: true }, [say('closed', 'p'), newChatButton]);
  const chatView = el('div', { class: 'chat', hidden: true }, [log, status, actions, composer, ended]);
  const panel = el('section', { class: 'panel', id: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: true }, [
    // Not a <header>: on the host page that would be a second banner landmark.
    el('div', { class: 'head' }, [title, ticketLabel, closeButton]),
    startForm,
    chatView,
  ]);
  root.append(style, launcher, panel);

  function translate() {
    fields.language.value = locale;
    panel.setAttribute('lang', locale);
    launcher.setAttribute('lang', locale);
    for (const node of translatable) node.textContent = t(node.dataset.s);
    for (const node of root.querySelectorAll('[data-s-label]')) node.setAttribute('aria-label', t(node.dataset.sLabel));
    renderControls();
  }

  // ---- showing the conversation -----------------------------------------------------------------
  const isOpen = () => !panel.hidden;

  function who(line) {
    if (line.author === 'visitor') return t('you');
    if (line.author === 'agent') return `${line.name || t('agent')} · ${t('agent')}`;
    if (line.author === 'system') return t('notice');
    return line.name || '';
  }

  function lineNode(line) {
    const node = el('div', { class: `line ${line.author}`, 'data-seq': String(line.seq), 'data-author': line.author }, [
      el('span', { class: 'who' }, [who(line)]),
      el('p', {}, [line.text]),
    ]);
    if (line.articles && line.articles.length > 0) {
      const list = el('ul', { class: 'articles' });
      for (const article of line.articles) {
        const link = el('a', { href: new URL(article.url.replace(/^\//, ''), base).href, target: '_blank', rel: 'noopener' }, [article.title]);
        list.append(el('li', {}, [link, el('span', { class: 'excerpt' }, [article.excerpt])]));
      }
      node.append(list);
    }
    if (line.survey) {
      // The survey page is the portal's, on the desk's address, with the ticket's token in the link.
      node.append(el('a', { class: 'survey', href: line.survey.url, target: '_blank', rel: 'noopener' }, [t('rate')]));
    }
    return node;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function renderControls() {
    const closed = chat.state === 'closed';
    actions.replaceChildren(...(chat.state === 'bot' && chat.awaitingFeedback ? [yesButton, noButton] : []), ...(chat.state === 'bot' ? [humanButton] : []));
    composer.hidden = closed;
    ended.hidden = !closed;
    ticketLabel.textContent = chat.ticketNumber ? t('ticket').replace('{number}', String(chat.ticketNumber)) : '';
    // Until someone answered, say that someone will.
    const answered = log.querySelector('[data-author="agent"]') !== null;
    if (chat.state === 'human' && !answered && !status.dataset.busy) status.textContent = t('waiting');
    else if (answered && status.textContent === t('waiting')) status.textContent = '';
  }

  function apply(update) {
    if (update.locale !== locale) {
      locale = update.locale;
      translate();
    }
    chat = { state: update.state, awaitingFeedback: update.awaitingFeedback, ticketNumber: update.ticketNumber };
    let missed = false;
    for (const line of update.lines) {
      if (line.seq <= lastSeq) continue;
      if (line.seq > lastSeq + 1) missed = true;
      log.append(lineNode(line));
      lastSeq = line.seq;
      if (!isOpen() && line.author !== 'visitor') unread++;
    }
    showUnread();
    renderControls();
    scrollDown();
    // A line went past while we were away: read the whole chat again rather than show a hole.
    if (missed) void resume();
  }

  function showUnread() {
    const badge = launcher.querySelector('.badge');
    badge.hidden = unread === 0;
    badge.textContent = String(unread);
  }

  function setStatus(text, busy = false) {
    status.textContent = text;
    if (busy) status.dataset.busy = '1';
    else delete status.dataset.busy;
    if (!text) renderControls();
  }

  function showChat() {
    startForm.hidden = true;
    chatView.hidden = false;
    renderControls();
  }

  function showForm() {
    chatView.hidden = true;
    startForm.hidden = false;
    log.replaceChildren();
    lastSeq = 0;
    ticketLabel.textContent = '';
  }

  // ---- talking to the desk -----------------------------------------------------------------------
  function uuid() {
    // crypto.randomUUID exists only on https pages; getRandomValues everywhere.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function loadClient() {
    if (window.io) return Promise.resolve(window.io);
    return new Promise((resolve, reject) => {
      const tag = el('script', { src: new URL('socket.io/socket.io.min.js', base).href, async: true });
      tag.onload = () => resolve(window.io);
      tag.onerror = reject;
      document.head.append(tag);
    });
  }

  async function connect() {
    if (socket) return;
    const io = await loadClient();
    // WebSocket only: the widget lives on other sites' pages, and WebSockets need no CORS.
    socket = io(`${base.origin}/chat`, { path: `${base.pathname}socket.io`, transports: ['websocket'] });
    socket.on('connect', () => void onConnect());
    socket.on('disconnect', () => {
      ready = false;
      if (token) setStatus(t('reconnecting'), true);
    });
    socket.on('chat:update', (update, ack) => {
      apply(update);
      if (typeof ack === 'function') ack(true);
    });
  }

  async function request(event, payload) {
    return socket.timeout(10_000).emitWithAck(event, payload);
  }

  async function onConnect() {
    if (token) await resume();
    else setStatus('');
  }

  async function resume() {
    const reply = await request('chat:resume', { token }).catch(() => null);
    if (!reply) return;
    if (!reply.ok) {
      // The desk does not know this chat (a new database, a forged token): start afresh.
      token = null;
      remember();
      showForm();
      setStatus('');
      return;
    }
    log.replaceChildren();
    lastSeq = 0;
    unread = 0;
    apply(reply.value);
    showChat();
    setStatus('');
    ready = true;
    void flush();
  }

  // What the visitor sends waits here until the desk confirms it, in order; resent after a lost
  // connection, it is stored once (the id tells the desk it already has it).
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (ready && outbox.length > 0) {
        const item = outbox[0];
        const reply = await request(item.event, item.payload).catch(() => null);
        if (!reply) break;
        if (!reply.ok && (reply.error.code === 'no_session' || reply.error.code === 'rate_limited')) {
          if (reply.error.code === 'rate_limited') setStatus(t('tooFast'), true);
          await new Promise((resolve) => setTimeout(resolve, 2000));
          continue;
        }
        outbox.shift();
        item.pending?.remove();
        if (reply.ok) {
          setStatus('');
          apply(reply.value);
        } else {
          setStatus(t('failed'), true);
          if (reply.error.code === 'closed') apply({ ...chat, state: 'closed', locale, lines: [] });
        }
      }
    } finally {
      flushing = false;
    }
  }

  function send(event, payload, text) {
    const id = uuid();
    const pending = lineNode({ seq: 0, author: 'visitor', name: null, text });
    pending.classList.add('pending');
    log.append(pending);
    scrollDown();
    outbox.push({ event, payload: { id, ...payload }, pending });
    void flush();
  }

  async function start() {
    const name = fields.name.value.trim();
    const email = fields.email.value.trim();
    fields.name.setAttribute('aria-invalid', String(!name));
    fields.email.setAttribute('aria-invalid', String(!fields.email.checkValidity()));
    if (!name) return invalid(fields.name, t('nameMissing'));
    if (!fields.email.checkValidity()) return invalid(fields.email, t('emailInvalid'));
    formError.textContent = '';
    await connect();
    const reply = await request('chat:start', { name, email, locale }).catch(() => null);
    if (!reply || !reply.ok) return invalid(fields.name, t('failed'));
    token = reply.value.token;
    remember();
    log.replaceChildren();
    lastSeq = 0;
    apply(reply.value);
    showChat();
    ready = true;
    message.focus();
  }

  function invalid(field, text) {
    formError.textContent = text;
    field.focus();
  }

  // ---- opening, closing, keys ----------------------------------------------------------------------
  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    unread = 0;
    showUnread();
    scrollDown();
    firstFocus().focus();
  }

  /** Where the visitor goes on: the message box, the first empty field of the form, or its button. */
  function firstFocus() {
    if (startForm.hidden) return composer.hidden ? newChatButton : message;
    if (!fields.name.value) return fields.name;
    return startForm.querySelector('.primary');
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (isOpen() ? close() : open()));
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  fields.language.addEventListener('change', () => {
    locale = fields.language.value;
    translate();
  });
  startForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void start();
  });
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = message.value.trim();
    if (!text) return;
    message.value = '';
    send('chat:say', { text }, text);
  });
  message.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; not while an input method is composing a word.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  const press = (button, action, key) => button.addEventListener('click', () => {
    send('chat:act', { action }, t(key));
    message.focus();
  });
  press(yesButton, 'solved', 'yes');
  press(noButton, 'not_solved', 'no');
  press(humanButton, 'human', 'human');
  newChatButton.addEventListener('click', () => {
    token = null;
    remember();
    chat = { state: 'bot', awaitingFeedback: false, ticketNumber: null };
    showForm();
    setStatus('');
    fields.name.focus();
  });

  window.shiftdeskChat = { open, close };
  translate();
  // In <head> without defer there is no body yet.
  if (document.body) document.body.append(host);
  else document.addEventListener('DOMContentLoaded', () => document.body.append(host));
  // A chat in progress reconnects at once, so an agent's answer arrives even with the panel closed.
  if (token) {
    setStatus(t('connecting'), true);
    showChat();
    void connect();
  }
})();
