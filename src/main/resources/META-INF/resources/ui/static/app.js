// Crosscheck web UI: small progressive enhancements; every page works without them.
(function () {
  'use strict';

  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // ---- red-flag banner: a "yes" shows at once that referral is needed, before submitting
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

  // ---- health screen: a follow-up question is shown only after a "yes" to its parent (the server reads it only
  //      then too); without script every question is shown
  function followUps(form) {
    function yes(name) {
      var c = form.querySelector('input[type=radio][name="' + name + '"]:checked');
      return !!c && c.value === 'yes';
    }
    $all('.hs-question', form).forEach(function (q) {
      var all = q.dataset.whenYes ? q.dataset.whenYes.split(' ') : [];
      var any = q.dataset.whenAnyYes ? q.dataset.whenAnyYes.split(' ') : [];
      var shown = all.every(yes) && (any.length === 0 || any.some(yes));
      q.hidden = !shown;
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
    if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button') { return false; }
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

  // ---- a draft survives a page reload (this tab only: sessionStorage, cleared once screened)
  function draftKey(form) { return 'crosscheck-draft-' + form.dataset.draft; }
  function saveDraft(form) {
    var data = {};
    $all('input, select, textarea', form).forEach(function (el) {
      if (!el.name || el.type === 'hidden') { return; }
      if (el.type === 'radio') { if (el.checked) { data[el.name] = el.value; } }
      else if (el.type === 'checkbox') { if (el.checked) { data[el.name] = 'on'; } }
      else if (el.value !== '') { data[el.name] = el.value; }
    });
    try { sessionStorage.setItem(draftKey(form), JSON.stringify(data)); } catch (e) { /* storage full or off */ }
  }
  function restoreDraft(form) {
    var raw;
    try { raw = sessionStorage.getItem(draftKey(form)); } catch (e) { return false; }
    if (!raw || document.getElementById('field-errors') || document.getElementById('form-errors')) { return false; }
    var data = JSON.parse(raw);
    $all('input, select, textarea', form).forEach(function (el) {
      if (!el.name || el.type === 'hidden' || el.readOnly) { return; }
      if (el.type === 'radio') { el.checked = data[el.name] !== undefined ? data[el.name] === el.value : el.value === ''; }
      else if (el.type === 'checkbox') { el.checked = data[el.name] === 'on'; }
      else if (data[el.name] !== undefined) { el.value = data[el.name]; }
    });
    return Object.keys(data).length > 0;
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (document.querySelector('[data-clear-draft-on-load]')) {
      try { sessionStorage.removeItem('crosscheck-draft-new'); } catch (e) { /* ignore */ }
    }
    var form = document.getElementById('screening-form');
    if (!form) { return; }
    var status = document.querySelector('[data-draft-status]');
    if (form.dataset.draft && restoreDraft(form) && status) { status.textContent = 'Draft restored from this tab.'; }
    var update = function () { redFlags(form); followUps(form); scores(form); progress(form); };
    var timer = null;
    form.addEventListener('change', function () { update(); if (form.dataset.draft) { saveDraft(form); } });
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { progress(form); if (form.dataset.draft) { saveDraft(form); } }, 250);
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
    var clear = document.querySelector('[data-clear-draft]');
    if (clear) {
      clear.addEventListener('click', function () {
        try { sessionStorage.removeItem(draftKey(form)); } catch (e) { /* ignore */ }
        $all('input, select, textarea', form).forEach(function (el) {
          if (el.type === 'hidden' || el.readOnly) { return; }
          if (el.type === 'radio') { el.checked = el.value === ''; }
          else if (el.type === 'checkbox') { el.checked = false; }
          else { el.value = ''; }
        });
        update();
        if (status) { status.textContent = 'Cleared.'; }
      });
    }
    update();
  });

  // ---- print buttons of the printable pages (no inline handlers: the Content-Security-Policy allows none)
  $all('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
}());
