// Crosscheck web UI: small progressive enhancements; every page works without them.
(function () {
  'use strict';

  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function words(s) { return s ? s.split(' ').filter(function (w) { return w !== ''; }) : []; }

  // ---- red-flag banner: a "yes" shows at once that referral is needed, before submitting. It lives in the sticky
  //      bar at the foot of the form, so it never pushes the questions under the pointer down
  function redFlags(form) {
    var banner = document.getElementById('redflag-banner');
    if (!banner) { return; }
    var referred = [];
    $all('fieldset.rf-domain', form).forEach(function (domain) {
      var yes = $all('fieldset.rf', domain).filter(function (q) {
        var checked = q.querySelector('input[type=radio]:checked');
        var isYes = checked && checked.value === 'yes';
        q.classList.toggle('answered-yes', !!isYes);
        return isYes;
      });
      var decisive = yes.filter(function (q) { return q.dataset.supporting !== 'true'; });
      // a supporting-only answer refers together with another flag of its domain
      if (decisive.length > 0 || yes.length > 1) {
        referred.push(domain.dataset.domainLabel + ' (' + domain.dataset.urgency + ')');
      }
    });
    banner.hidden = referred.length === 0;
    banner.querySelector('[data-banner-text]').textContent = referred.length ? 'Refer to exclude ' + referred.join('; ') + '.' : '';
    var count = document.querySelector('[data-count-for="sec-redflags"]');
    if (count) { count.classList.toggle('has-redflag', referred.length > 0); }
  }

  function isYes(form, name) {
    var c = form.querySelector('input[type=radio][name="' + name + '"]:checked');
    return !!c && c.value === 'yes';
  }

  // ---- health screen: a follow-up question is shown only after a "yes" to its parent (the server reads it only
  //      then too); without script every question is shown
  function followUps(form) {
    $all('.hs-question', form).forEach(function (q) {
      var all = words(q.dataset.whenYes);
      var any = words(q.dataset.whenAnyYes);
      var yes = function (name) { return isYes(form, name); };
      q.hidden = !(all.every(yes) && (any.length === 0 || any.some(yes)));
    });
  }

  // ---- questionnaires are entered item by item and scored here (the server scores them again)
  function scores(form) {
    $all('details.questionnaire', form).forEach(function (q) {
      var code = q.dataset.questionnaire;
      $all('output[data-score-target]', q).forEach(function (out) {
        var items = out.dataset.items.split(',');
        var sum = 0, answered = 0;
        items.forEach(function (n) {
          var c = form.querySelector('input[name="q.' + code + '.' + n + '"]:checked');
          if (c) { answered++; sum += parseInt(c.dataset.score, 10); }
        });
        out.textContent = answered === items.length ? String(sum) : (answered === 0 ? '–' : answered + ' of ' + items.length + ' answered');
        out.dataset.complete = answered === items.length ? 'true' : 'false';
      });
    });
  }

  // ---- progress: how many items of each section are filled in
  function answered(el) {
    if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button' || !el.name) { return false; }
    if (el.type === 'radio') { return el.checked && el.value !== ''; }
    if (el.type === 'checkbox') { return el.checked; }
    return el.value && el.value.trim() !== '';
  }
  function progress(form) {
    $all('details.section', form).forEach(function (sec) {
      var badge = document.querySelector('[data-count-for="' + sec.id + '"]');
      if (!badge) { return; }
      var n = $all('input, select, textarea', sec).filter(answered).length;
      badge.textContent = n ? '(' + n + ')' : '';
    });
  }

  // ---- the form follows the client and the complaint: each part marked data-scope is folded when it is not for this
  //      client and holds no answer (FormScope makes the same decision on the server, from the same attributes).
  //      Folded parts are out of the tab order and never sent; "Show every section and test" and each section's
  //      "Show N more" bring them back (CSS, so it works without this script too)
  function client(form) {
    var ageField = form.querySelector('[name="client.age"]');
    var sexField = form.querySelector('[name="client.sex"]');
    var regions = [];
    $all('select[name$=".region"][name^="sy."]', form).forEach(function (s) {
      if (s.value && regions.indexOf(s.value) < 0) { regions.push(s.value); }
    });
    return {
      age: ageField && /^\s*\d{1,3}\s*$/.test(ageField.value) ? parseInt(ageField.value, 10) : null,
      sex: sexField && sexField.value ? sexField.value : 'not_stated',
      regions: regions
    };
  }
  function applies(el, c, form) {
    if (words(el.dataset.orWhenYes).some(function (n) { return isYes(form, n); })) { return true; }
    var min = el.dataset.minAge, max = el.dataset.maxAge;
    if (c.age !== null && ((min && c.age < parseInt(min, 10)) || (max && c.age > parseInt(max, 10)))) { return false; }
    var sexes = words(el.dataset.sexes);
    if (sexes.length && sexes.indexOf(c.sex) < 0) { return false; }
    var regions = words(el.dataset.regions);
    if (regions.length === 0) { return true; }
    // a red-flag domain or a test is for every client while no region is entered; a question is not (as the engine)
    if (c.regions.length === 0) { return el.dataset.scope !== 'input'; }
    return regions.some(function (r) { return c.regions.indexOf(r) >= 0; });
  }
  function holdsAnswer(el) {
    return $all('input, select, textarea', el).some(answered)
      || el.classList.contains('has-error') || !!el.querySelector('.has-error, [aria-invalid="true"]');
  }
  function summary(form, c) {
    var labels = c.regions.map(function (r) {
      var o = form.querySelector('select[name^="sy."] option[value="' + r + '"]');
      return o ? o.textContent : r;
    });
    return (labels.length ? labels.join(', ') : 'no symptom region yet (every red-flag domain and test)')
      + (c.age === null ? '' : ' · ' + c.age + ' years') + (c.sex === 'not_stated' ? '' : ' · ' + c.sex);
  }
  function scope(form) {
    var c = client(form);
    $all('[data-scope]', form).forEach(function (el) {
      el.classList.toggle('out-of-scope', !applies(el, c, form) && !holdsAnswer(el));
    });
    $all('[data-scope-group]', form).forEach(function (group) {
      var items = $all('[data-scope]', group);
      group.classList.toggle('out-of-scope', items.length > 0 && items.every(function (i) {
        return i.hidden || i.classList.contains('out-of-scope');
      }));
    });
    $all('[data-scope-note]', form).forEach(function (note) {
      var n = $all('[data-scope].out-of-scope', note.closest('details.section')).length;
      note.hidden = n === 0;
      note.querySelector('[data-scope-count]').textContent = String(n);
    });
    var line = form.querySelector('[data-scope-summary]');
    if (line) { line.textContent = summary(form, c); }
  }

  // ---- symptom rows: those holding something (or the first) are shown, another on request
  function symptomRows(form) {
    var rows = $all('tr[data-symptom-row]', form);
    var add = form.querySelector('[data-add-symptom]');
    if (rows.length === 0 || !add) { return; }
    var shown = 0;
    rows.forEach(function (row) {
      var show = row.dataset.added === 'true' || $all('select, input', row).some(answered)
        || !!row.querySelector('[aria-invalid="true"]');
      row.hidden = !show;
      if (show) { shown++; }
    });
    if (shown === 0) { rows[0].hidden = false; }
    add.hidden = !rows.some(function (r) { return r.hidden; });
  }

  // ---- drafts: kept in this tab (sessionStorage) under the user and what is screened (FormDrafts: a new screening, a
  //      client's next screening, or the amendment of version N of a screening), removed once that form is saved and
  //      every one of them when signing out
  var DRAFTS = 'crosscheck-draft|';
  var PENDING = 'crosscheck-draft-pending';
  function draftKey(form) { return DRAFTS + form.dataset.draft; }
  function collect(form) {
    var data = {};
    $all('input, select, textarea', form).forEach(function (el) {
      if (!el.name || el.type === 'hidden') { return; }
      if (el.type === 'radio') { if (el.checked) { data[el.name] = el.value; } }
      else if (el.type === 'checkbox') { if (el.checked) { data[el.name] = 'on'; } }
      else if (el.value !== '') { data[el.name] = el.value; }
    });
    return data;
  }
  function fill(form, data) {
    $all('input, select, textarea', form).forEach(function (el) {
      if (!el.name || el.type === 'hidden' || el.readOnly) { return; }
      if (el.type === 'radio') { el.checked = data[el.name] !== undefined ? data[el.name] === el.value : el.value === ''; }
      else if (el.type === 'checkbox') { el.checked = data[el.name] === 'on'; }
      else { el.value = data[el.name] !== undefined ? data[el.name] : ''; }
    });
  }
  function storage(fn) { try { return fn(window.sessionStorage); } catch (e) { return null; } }
  function saveDraft(form) {
    storage(function (s) { s.setItem(draftKey(form), JSON.stringify(collect(form))); });
  }
  function restoreDraft(form) {
    var raw = storage(function (s) { return s.getItem(draftKey(form)); });
    if (!raw || document.getElementById('field-errors') || document.getElementById('form-errors')) { return false; }
    var data = JSON.parse(raw);
    if (Object.keys(data).length === 0) { return false; }
    fill(form, data);
    return true;
  }
  function removeEveryDraft() {
    storage(function (s) {
      for (var i = s.length - 1; i >= 0; i--) {
        var k = s.key(i);
        if (k && k.indexOf('crosscheck-draft') === 0) { s.removeItem(k); }
      }
    });
  }

  // ---- the sticky bar's height: focus is never scrolled under it (scroll-padding-bottom in app.css)
  function barHeight() {
    var bar = document.getElementById('form-actions');
    if (bar) { document.documentElement.style.setProperty('--actions-height', bar.offsetHeight + 'px'); }
  }

  function clearing(form, update) {
    var clear = form.querySelector('[data-clear-draft]');
    var undo = form.querySelector('[data-undo-clear]');
    var dialog = document.getElementById('clear-dialog');
    var status = form.querySelector('[data-draft-status]');
    if (!clear) { return function () {}; }
    var kept = null;
    function forget() {
      if (kept && status) { status.textContent = ''; }
      kept = null;
      if (undo) { undo.hidden = true; }
    }
    function clearForm() {
      kept = collect(form);
      storage(function (s) { s.removeItem(draftKey(form)); });
      fill(form, {});
      $all('tr[data-symptom-row]', form).forEach(function (r) { delete r.dataset.added; });
      update();
      symptomRows(form);
      if (status) { status.textContent = 'Form cleared.'; }
      if (undo && Object.keys(kept).length > 0) { undo.hidden = false; undo.focus(); }
      barHeight();
    }
    clear.hidden = false;
    clear.addEventListener('click', function () {
      if (Object.keys(collect(form)).length === 0) { clearForm(); return; }
      if (dialog && typeof dialog.showModal === 'function') { dialog.showModal(); }
      else if (window.confirm('Clear every answer on this form?')) { clearForm(); }
    });
    if (dialog) {
      dialog.querySelector('[data-keep]').addEventListener('click', function () { dialog.close(); clear.focus(); });
      dialog.querySelector('[data-confirm-clear]').addEventListener('click', function () { dialog.close(); clearForm(); });
    }
    if (undo) {
      undo.addEventListener('click', function () {
        if (!kept) { return; }
        fill(form, kept);
        forget();
        update();
        symptomRows(form);
        saveDraft(form);
        if (status) { status.textContent = 'Answers put back.'; }
        barHeight();
        clear.focus();
      });
    }
    return forget;
  }

  document.addEventListener('DOMContentLoaded', function () {
    // a saved screening: the draft of the form that was submitted is done with
    if (document.querySelector('[data-clear-draft-on-load]')) {
      storage(function (s) {
        var submitted = s.getItem(PENDING);
        if (submitted) { s.removeItem(submitted); }
        s.removeItem(PENDING);
        s.removeItem('crosscheck-draft-new');
      });
    }
    // signing out leaves no draft in this tab for the next person
    $all('form.signout').forEach(function (f) { f.addEventListener('submit', removeEveryDraft); });

    var form = document.getElementById('screening-form');
    if (!form) { return; }
    var status = form.querySelector('[data-draft-status]');
    if (document.getElementById('field-errors') || document.getElementById('form-errors')) {
      storage(function (s) { s.removeItem(PENDING); }); // the submit did not go through: its draft stays
    }
    if (form.dataset.draft && restoreDraft(form) && status) { status.textContent = 'Draft restored from this tab.'; }
    var update = function () { followUps(form); redFlags(form); scores(form); scope(form); progress(form); barHeight(); };
    var forgetUndo = clearing(form, update);
    var timer = null;
    form.addEventListener('change', function () {
      forgetUndo();
      update();
      if (form.dataset.draft) { saveDraft(form); }
    });
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { scope(form); progress(form); if (form.dataset.draft) { saveDraft(form); } }, 250);
    });
    form.addEventListener('submit', function () {
      if (form.dataset.draft) {
        saveDraft(form);
        storage(function (s) { s.setItem(PENDING, draftKey(form)); });
      }
    });
    // a domain the clinician asked through and found clear: one click (or Enter) answers the rest "no"
    $all('[data-all-no]', form).forEach(function (b) {
      b.hidden = false;
      b.addEventListener('click', function () {
        $all('fieldset.rf', b.closest('fieldset.rf-domain')).forEach(function (q) {
          if (!q.querySelector('input[type=radio]:checked') || q.querySelector('input[type=radio]:checked').value === '') {
            q.querySelector('input[value="no"]').checked = true;
          }
        });
        form.dispatchEvent(new Event('change'));
      });
    });
    var add = form.querySelector('[data-add-symptom]');
    if (add) {
      add.addEventListener('click', function () {
        var next = $all('tr[data-symptom-row]', form).filter(function (r) { return r.hidden; })[0];
        if (next) {
          next.dataset.added = 'true';
          symptomRows(form);
          next.querySelector('select').focus();
        }
      });
    }
    // each line of the error summary takes the keyboard to its field
    $all('.error-list a[href^="#"]').forEach(function (a) {
      a.addEventListener('click', function (e) {
        var target = document.getElementById(a.getAttribute('href').slice(1));
        var field = target && (target.matches('input, select, textarea') ? target : target.querySelector('input:checked, input, select'));
        if (field) {
          e.preventDefault();
          field.scrollIntoView({ block: 'center' });
          field.focus();
        }
      });
    });
    symptomRows(form);
    update();
    window.addEventListener('resize', barHeight);
  });

  // ---- print buttons of the printable pages (no inline handlers: the Content-Security-Policy allows none)
  $all('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
}());
