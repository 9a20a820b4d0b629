/* global document, window */
// Progressive enhancement only: every page works without this script. It suggests articles while
// the customer types a subject, reports what happened to the form (deflection), and shows times in
// the reader's own time zone.
'use strict';

(function () {
  const lang = document.documentElement.lang || 'en';

  for (const time of document.querySelectorAll('time[datetime]')) {
    const at = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(at.getTime())) {
      time.textContent = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(at);
    }
  }

  // A refused form opens on its list of problems, so a screen reader reads them first.
  const problems = document.querySelector('[data-error-summary]');
  if (problems) problems.focus();

  const form = document.querySelector('form[data-visit]');
  if (!form) return;
  const visit = form.getAttribute('data-visit');
  const subject = form.querySelector('[data-suggest-source]');
  const box = document.getElementById('suggestions');
  const list = box && box.querySelector('ul');
  let touched = false;
  let submitting = false;
  let shown = false;

  // A beacon survives the page going away, which is exactly when "abandoned" and "opened" happen.
  const report = (kind, articleId) => {
    const event = { visit, kind, lang, ...(articleId ? { articleId } : {}) };
    navigator.sendBeacon('/api/v1/portal/events', new Blob([JSON.stringify(event)], { type: 'application/json' }));
  };

  form.addEventListener('input', () => {
    touched = true;
  });
  form.addEventListener('submit', () => {
    submitting = true;
  });
  window.addEventListener('pagehide', () => {
    if (touched && !submitting) report('form_abandoned');
  });
  // Back from an article (the page restored from the cache): the visit goes on.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) submitting = false;
  });

  if (!subject || !box || !list) return;
  let timer = null;
  let asked = '';

  const render = (items) => {
    list.replaceChildren();
    for (const item of items) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.title;
      link.addEventListener('click', () => report('suggestion_opened', item.id));
      const excerpt = document.createElement('p');
      excerpt.textContent = item.excerpt;
      li.append(link, excerpt);
      list.append(li);
    }
    box.hidden = items.length === 0;
    if (items.length > 0 && !shown) {
      shown = true;
      report('suggestions_shown');
    }
  };

  const suggest = async () => {
    const q = subject.value.trim();
    if (q === asked) return;
    asked = q;
    if (q.length < 3) return render([]);
    try {
      const response = await fetch(`/api/v1/portal/suggestions?${new URLSearchParams({ q, lang })}`, { headers: { accept: 'application/json' } });
      // A slower answer to an older subject must not replace the newer one's.
      if (!response.ok || asked !== q) return;
      render((await response.json()).items);
    } catch {
      // Suggestions are a help, not a requirement: the form works without them.
    }
  };

  subject.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 300);
  });
  if (subject.value.trim()) void suggest();
})();
