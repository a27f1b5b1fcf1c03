// The sign-in dashboard. Values are only ever set with textContent or SVG attributes, never as
// HTML, so that nothing a user typed or an event carried can run in the page.
(function () {
  'use strict';
  var OUTCOMES = ['success', 'failed_credentials', 'denied', 'challenged', 'challenge_passed'];
  var PAGE = 50;
  var mode = meta('gatehouse-mode');
  var csrf = meta('gatehouse-csrf');
  var fileData = null;
  var state = { offset: 0, filters: {} };
  window.ghTimings = { renders: 0 };

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  }

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function svg(tag, attrs) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function query(extra) {
    var p = new URLSearchParams();
    Object.keys(state.filters).forEach(function (k) {
      if (state.filters[k]) { p.set(k, state.filters[k]); }
    });
    Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
    return p.toString();
  }

  function get(path, extra) {
    if (fileData) { return Promise.resolve(fromFile(path, extra || {})); }
    return fetch(path + '?' + query(extra), { credentials: 'same-origin',
      headers: { 'Accept': 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { var e = new Error(body.detail || body.title || ('status ' + r.status)); e.status = r.status; throw e; }
        return body;
      });
    });
  }

  // The self-contained report: the server's answers, written into the file.
  function fromFile(path, extra) {
    if (path === 'api/summary') {
      var page = fromFile('api/events', extra);
      return Object.assign({ page: page }, fileData.summary);
    }
    if (path === 'api/events') {
      var off = Number(extra.offset || 0);
      return { total: fileData.events.length, offset: off, limit: PAGE,
        events: fileData.events.slice(off, off + PAGE) };
    }
    if (path === 'api/event') {
      var ev = fileData.events.filter(function (e) { return e.id === extra.id; })[0];
      return { event: ev, history: fileData.events.filter(function (e) {
        return e.user === ev.user; }).slice(0, 20), replay: (fileData.replays || {})[ev.id] };
    }
    if (path === 'api/policies') { return fileData.policies; }
    throw new Error('not in the file');
  }

  function showError(e) {
    var p = $('error');
    p.hidden = !e;
    p.textContent = e ? String(e.message || e) : '';
  }

  function table(container, headers, rows, numeric) {
    var t = el('table');
    var tr = el('tr');
    headers.forEach(function (h, i) { tr.appendChild(el('th', numeric && numeric[i] ? { 'class': 'num' } : null, h)); });
    t.appendChild(el('thead')).appendChild(tr);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c, i) { row.appendChild(el('td', numeric && numeric[i] ? { 'class': 'num' } : null, c)); });
      body.appendChild(row);
    });
    clear(container).appendChild(rows.length ? t : el('p', { 'class': 'muted' }, 'nothing in this period'));
    return t;
  }

  function bars(container, items, labelKey, countKey) {
    var max = items.reduce(function (m, i) { return Math.max(m, i[countKey]); }, 0) || 1;
    var shown = items.slice(0, 12);
    var s = svg('svg', { width: 320, height: 18 * shown.length + 4, role: 'img' });
    shown.forEach(function (item, i) {
      var y = i * 18 + 2;
      var label = svg('text', { x: 0, y: y + 12 });
      label.textContent = item[labelKey];
      s.appendChild(label);
      s.appendChild(svg('rect', { x: 110, y: y, height: 14, width: Math.max(1, 160 * item[countKey] / max), 'class': 'bar' }));
      var n = svg('text', { x: 275, y: y + 12 });
      n.textContent = item[countKey];
      s.appendChild(n);
    });
    clear(container).appendChild(s);
  }

  function headline(h) {
    var box = clear($('headline'));
    [['attempts', 'attempts'], ['failures', 'failed credentials'], ['challenges', 'challenges'],
     ['denials', 'denials'], ['users', 'users'], ['addresses', 'addresses'],
     ['mfaShare', 'sign-ins that passed MFA']].forEach(function (f) {
      var v = f[0] === 'mfaShare' ? (Math.round(h.mfaShare * 1000) / 10) + ' %' : h[f[0]];
      var d = el('div', { 'class': 'figure', 'data-key': f[0] });
      d.appendChild(el('span', { 'class': 'value' }, v));
      d.appendChild(el('span', { 'class': 'label' }, f[1]));
      box.appendChild(d);
    });
  }

  function timeline(t) {
    var box = clear($('timeline'));
    if (!t) { box.appendChild(el('p', { 'class': 'muted' }, 'nothing in this period')); return; }
    var n = t.series.success.length;
    var totals = [];
    for (var i = 0; i < n; i++) {
      totals.push(OUTCOMES.reduce(function (s, o) { return s + t.series[o][i]; }, 0));
    }
    var max = Math.max.apply(null, totals) || 1;
    var W = 900, H = 180, left = 40, w = (W - left) / n;
    var s = svg('svg', { width: W, height: H + 30, role: 'img', viewBox: '0 0 ' + W + ' ' + (H + 30) });
    var top = svg('text', { x: 0, y: 10 }); top.textContent = max; s.appendChild(top);
    var zero = svg('text', { x: 0, y: H }); zero.textContent = '0'; s.appendChild(zero);
    for (i = 0; i < n; i++) {
      var y = H;
      OUTCOMES.forEach(function (o) {
        var c = t.series[o][i];
        if (!c) { return; }
        var h = H * c / max;
        y -= h;
        var r = svg('rect', { x: left + i * w, y: y, width: Math.max(1, w - 1), height: h, 'class': 'o-' + o });
        var title = svg('title', {});
        title.textContent = o + ': ' + c;
        r.appendChild(title);
        s.appendChild(r);
      });
    }
    var start = new Date(t.start).getTime();
    [0, Math.floor(n / 2), n - 1].forEach(function (k, j) {
      var lab = svg('text', { x: left + k * w + (j === 2 ? w : 0), y: H + 14,
        'text-anchor': ['start', 'middle', 'end'][j] });
      lab.textContent = new Date(start + k * t.bucketSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
      s.appendChild(lab);
    });
    box.appendChild(s);
    var legend = el('div', { 'class': 'legend' });
    legend.appendChild(el('span', null, 'one bar = ' + (t.bucketSeconds / 60) + ' min'));
    OUTCOMES.forEach(function (o) {
      legend.appendChild(el('span', { 'class': 'swatch o-' + o }));
      legend.appendChild(el('span', null, o));
    });
    box.appendChild(legend);
  }

  function renderSummary(s) {
    $('indexed').textContent = s.indexedAt ? 'events as of ' + s.indexedAt : '';
    if (!fileData) {
      $('export-csv').hidden = !s.mayExport;
      $('export-jsonl').hidden = !s.mayExport;
    }
    headline(s.headline);
    timeline(s.timeline);
    bars($('countries'), s.byCountry, 'key', 'count');
    table($('countries').appendChild(el('div')), ['country', 'attempts'],
      s.byCountry.map(function (c) { return [c.key, c.count]; }), [false, true]);
    bars($('platforms'), s.byPlatform, 'key', 'count');
    table($('platforms').appendChild(el('div')), ['platform', 'attempts'],
      s.byPlatform.map(function (c) { return [c.key, c.count]; }), [false, true]);
    table($('risk'), ['level', 'attempts', 'signals'], s.risk.map(function (r) {
      return [r.level, r.count, r.signals.map(function (g) { return g.signal + ' ' + g.count; }).join(', ')];
    }), [false, true, false]);
    table($('top-users'), ['user', 'failures'], s.topFailingUsers.map(function (c) { return [c.key, c.failures]; }), [false, true]);
    table($('top-addresses'), ['address', 'failures'], s.topFailingAddresses.map(function (c) { return [c.key, c.failures]; }), [false, true]);
    table($('top-networks'), ['network', 'failures'], s.topFailingNetworks.map(function (c) { return [c.key, c.failures]; }), [false, true]);
    if (s.reportOnly) {
      $('report-only-card').hidden = false;
      table($('report-only'), ['policy', 'impact', 'denied', 'challenged', 'users'], s.reportOnly.map(function (p) {
        return [p.policy, 'would have denied or challenged ' + (p.denied + p.challenged) + ' sign-ins of ' + p.users + ' users',
          p.denied, p.challenged, p.users];
      }), [false, false, true, true, true]);
    }
  }

  function renderEvents(page) {
    $('total').textContent = page.total + ' matching';
    var t = table($('events'), ['time', 'user', 'address', 'country', 'device', 'platform', 'outcome', 'risk'],
      page.events.map(function (e) {
        return [e.time, e.user, e.ip, e.country || '', e.device || '', e.platform || '', e.outcome, e.risk + ' (' + e.score + ')'];
      }));
    var rows = t.querySelectorAll('tbody tr');
    page.events.forEach(function (e, i) {
      rows[i].className = 'event';
      rows[i].setAttribute('data-id', e.id);
      rows[i].addEventListener('click', function () { openEvent(e.id); });
    });
    var last = Math.min(page.offset + page.events.length, page.total);
    $('page-info').textContent = page.total ? (page.offset + 1) + '–' + last + ' of ' + page.total : '';
    $('prev').disabled = page.offset === 0;
    $('next').disabled = last >= page.total;
    if (!fileData) {
      $('export-csv').href = 'api/export.csv?' + query();
      $('export-jsonl').href = 'api/export.jsonl?' + query();
    }
  }

  function decisionBlock(box, d) {
    box.appendChild(el('p', null, 'Decided again on the running policies: ' + d.effect));
    if (d.reasons.length) {
      table(box.appendChild(el('div')), ['reason', 'policy', 'message'], d.reasons.map(function (r) { return [r.code, r.policy, r.message]; }));
    }
    if (d.requirements.length) { box.appendChild(el('p', null, 'requirements: ' + d.requirements.join('; '))); }
    box.appendChild(el('p', null, 'policies applied: ' + (d.matched.join(', ') || 'none')));
    box.appendChild(el('p', null, 'report-only: ' + (d.reportOnly.map(function (r) { return r.policy + ' would ' + r.effect; }).join(', ') || 'none')));
    box.appendChild(el('pre', { 'class': 'explanation' }, d.explanation));
  }

  function openEvent(id) {
    get('api/event', { id: id }).then(function (d) {
      var box = clear($('detail'));
      $('detail-card').hidden = false;
      var e = d.event;
      var facts = [['time', e.time], ['user', e.user], ['address', e.ip], ['network', e.network || ''],
        ['country', e.country || ''], ['device', e.device || ''], ['platform', e.platform || ''],
        ['outcome', e.outcome], ['risk', e.risk + ' (' + e.score + ')'], ['signals', e.signals.join('; ') || 'none'],
        ['reason codes', e.reasons.join(', ') || 'none'], ['policies applied', e.policies.join(', ') || 'none']];
      table(box.appendChild(el('div', { id: 'detail-facts' })), ['', ''], facts);
      if (d.replay) { decisionBlock(box.appendChild(el('div', { id: 'detail-replay' })), d.replay); }
      box.appendChild(el('h3', null, 'Recent sign-ins of ' + e.user));
      table(box.appendChild(el('div', { id: 'detail-history' })), ['time', 'address', 'country', 'device', 'outcome', 'risk'],
        d.history.map(function (h) { return [h.time, h.ip, h.country || '', h.device || '', h.outcome, h.risk]; }));
      $('detail-card').scrollIntoView();
    }).catch(showError);
  }

  function loadPolicies() {
    get('api/policies').then(function (p) {
      if (!p) { return; }
      $('policies-card').hidden = false;
      var box = clear($('policies'));
      box.appendChild(el('p', null, 'revision ' + p.revision + ', loaded ' + p.loadedAt + ', ' + p.policies.length + ' policies'));
      table(box.appendChild(el('div')), ['id', 'kind', 'mode', 'conditions', 'source'], p.policies.map(function (x) {
        return [x.id, x.kind, x.reportOnly ? 'report-only' : 'enforced', x.conditions.join(' · '), x.source];
      }));
      $('whatif').hidden = !p.whatIf || !!fileData;
    }).catch(function () { /* not delegated: the section stays hidden */ });
  }

  function whatIf(ev) {
    ev.preventDefault();
    var out = $('whatif-result');
    var body;
    try { body = JSON.parse($('whatif-input').value); } catch (e) { out.textContent = 'not JSON: ' + e.message; return; }
    fetch('api/whatif', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Gatehouse-Csrf': csrf }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        clear(out);
        if (d.effect) { decisionBlock(out, d); } else { out.textContent = d.detail || d.title; }
      }).catch(function (e) { out.textContent = String(e); });
  }

  function refresh(resetPage) {
    var t0 = performance.now();
    if (resetPage) { state.offset = 0; }
    showError(null);
    // One request and one pass on the server: the figures and the first page of events.
    return get('api/summary', { offset: state.offset, limit: PAGE })
      .then(function (s) {
        renderSummary(s);
        renderEvents(s.page);
        var t = window.ghTimings;
        t.last = performance.now() - t0;
        if (!t.first) { t.first = performance.now(); }
        t.renders++;
        document.body.setAttribute('data-renders', String(t.renders));
      }).catch(showError);
  }

  function page(delta) {
    state.offset = Math.max(0, state.offset + delta);
    get('api/events', { offset: state.offset, limit: PAGE }).then(function (p) {
      renderEvents(p);
      window.ghTimings.renders++;
      document.body.setAttribute('data-renders', String(window.ghTimings.renders));
    }).catch(showError);
  }

  function start() {
    var dataNode = $('gatehouse-data');
    if (dataNode) {
      fileData = JSON.parse(dataNode.textContent);
      $('filters').hidden = true;
      $('export-csv').hidden = true;
      $('export-jsonl').hidden = true;
    }
    $('filters').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = {};
      new FormData($('filters')).forEach(function (v, k) { f[k] = String(v).trim(); });
      state.filters = f;
      refresh(true);
    });
    $('reset-filters').addEventListener('click', function () { $('filters').reset(); state.filters = {}; refresh(true); });
    $('prev').addEventListener('click', function () { page(-PAGE); });
    $('next').addEventListener('click', function () { page(PAGE); });
    $('whatif').addEventListener('submit', whatIf);
    refresh(true);
    if (!fileData || fileData.policies) { loadPolicies(); }
  }

  document.addEventListener('DOMContentLoaded', start);
}());
