// Live updates for the Spreekuur console: no framework, no build step. The
// server renders (and escapes) every fragment; this script only fetches them.
(function () {
  'use strict';

  var body = document.body;
  var page = body.getAttribute('data-page');

  function debounce(fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function backToLogin(response) {
    if (response.status === 401 || (response.redirected && response.url.indexOf('/console/login') >= 0)) {
      window.location.reload();
      return true;
    }
    return false;
  }

  /** Server-Sent Events, with a plain poll while the stream is down. */
  function listen(types, onEvent) {
    var fallback;
    var source = new EventSource('/console/events');
    types.forEach(function (type) {
      source.addEventListener(type, onEvent);
    });
    source.onopen = function () {
      clearInterval(fallback);
      fallback = undefined;
    };
    source.onerror = function () {
      if (!fallback) fallback = setInterval(function () { onEvent(undefined); }, 5000);
    };
  }

  function parse(event) {
    try {
      return event && event.data ? JSON.parse(event.data) : undefined;
    } catch (error) {
      return undefined;
    }
  }

  function initQueue() {
    var rows = document.getElementById('queue-rows');
    var form = document.getElementById('queue-filters');
    if (!rows || !form) return;
    var query = function () { return new URLSearchParams(new FormData(form)).toString(); };
    var refresh = debounce(function () {
      fetch('/console/queue/rows?' + query(), { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (response) {
        if (backToLogin(response) || !response.ok) return undefined;
        return response.text().then(function (html) {
          rows.innerHTML = html;
          body.setAttribute('data-refreshed', String(Date.now()));
        });
      });
    }, 150);
    form.addEventListener('change', function () {
      window.history.replaceState(null, '', '?' + query());
      refresh();
    });
    listen(['thread', 'queue'], refresh);
    // Waiting times move on even when nothing else does.
    setInterval(refresh, 60000);
  }

  function initThread() {
    var id = body.getAttribute('data-thread');
    var list = document.getElementById('messages');
    var changed = document.getElementById('thread-changed');

    function poll() {
      if (!list) return;
      var url = '/console/threads/' + id + '/messages?v=' + encodeURIComponent(list.getAttribute('data-version') || '');
      fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (response) {
        if (backToLogin(response) || response.status !== 200) return undefined;
        return response.text().then(function (html) {
          var template = document.createElement('template');
          template.innerHTML = html;
          var fresh = template.content.firstElementChild;
          if (!fresh) return;
          var atBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 40;
          list.replaceWith(fresh);
          list = fresh;
          if (atBottom) window.scrollTo(0, document.body.scrollHeight);
        });
      });
    }
    setInterval(poll, 3000);

    listen(['thread'], function (event) {
      var data = parse(event);
      if (!data) return poll();
      if (String(data.id) !== id) return undefined;
      poll();
      var holder = data.claimedBy === null ? '' : String(data.claimedBy);
      if (changed && (data.status !== body.getAttribute('data-status') || holder !== body.getAttribute('data-holder'))) changed.hidden = false;
      return undefined;
    });

    var insertForm = document.getElementById('insert-answer');
    var select = document.getElementById('answer-node');
    var textarea = document.getElementById('reply-text');
    if (insertForm && select && textarea) {
      insertForm.addEventListener('submit', function (event) {
        event.preventDefault();
        fetch('/console/threads/' + id + '/answer?node=' + encodeURIComponent(select.value), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.json() : undefined; })
          .then(function (answer) {
            if (!answer) return;
            var start = textarea.selectionStart || 0;
            var end = textarea.selectionEnd || 0;
            var before = textarea.value.slice(0, start);
            var glue = before && !/\n$/.test(before) ? '\n' : '';
            textarea.value = before + glue + answer.text + textarea.value.slice(end);
            textarea.focus();
          });
      });
    }

    var marker = document.querySelector('#messages .marker');
    if (marker) marker.scrollIntoView({ block: 'center' });
  }

  if (page === 'queue') initQueue();
  if (page === 'thread') initThread();
})();
