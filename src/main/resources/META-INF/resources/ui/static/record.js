// The screening form's carried-over sections (issue 26): each section a follow-up carried over from the last visit is
// marked in place with the visit's date, a tick box ("still true today", the same input as the panel's) and a button
// that clears it. Without script the panel at the top of the form does the same.
(function () {
  'use strict';

  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function filled(section) {
    return $all('input, select, textarea', section).some(function (el) {
      if (el.type === 'hidden' || el.type === 'button' || el.type === 'submit') { return false; }
      if (el.type === 'radio') { return el.checked && el.value !== ''; }
      if (el.type === 'checkbox') { return el.checked; }
      return el.value && el.value.trim() !== '';
    });
  }

  function clear(section) {
    $all('input, select, textarea', section).forEach(function (el) {
      if (el.type === 'hidden' || el.readOnly || el.closest('.carried-strip')) { return; }
      if (el.type === 'radio') { el.checked = el.value === ''; }
      else if (el.type === 'checkbox') { el.checked = false; }
      else { el.value = ''; }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var panel = document.getElementById('carried-over');
    if (!panel) { return; }
    var date = panel.dataset.carriedDate;
    var form = panel.closest('form');
    $all('[data-carried-section]', panel).forEach(function (item) {
      var key = item.dataset.carriedSection;
      var box = document.getElementById('confirm-' + key);
      var section = document.getElementById(item.dataset.sectionId);
      var also = $all('[data-carried-with="' + key + '"]');
      if (!box) { return; }
      var strip = null;
      if (section) {
        strip = document.createElement('div');
        strip.className = 'carried-strip';
        strip.setAttribute('data-carried-strip', key);
        var text = document.createElement('span');
        text.textContent = 'Carried over from the visit of ' + date + ': not today\u2019s finding until confirmed.';
        // the tick box itself moves into the section, where the clinician reviews it; the panel keeps its label
        var label = document.createElement('label');
        label.appendChild(box);
        label.appendChild(document.createTextNode(' Still true today'));
        var status = document.createElement('span');
        status.className = 'chip carried-status';
        item.insertBefore(status, item.firstChild);
        var clearButton = document.createElement('button');
        clearButton.type = 'button';
        clearButton.className = 'secondary small';
        clearButton.textContent = 'Clear this section';
        clearButton.addEventListener('click', function () {
          clear(section);
          also.forEach(clear);
          box.checked = false;
          update();
          text.textContent = 'Cleared: nothing of the visit of ' + date + ' is recorded here.';
          if (form) { form.dispatchEvent(new Event('change')); }
        });
        strip.appendChild(text);
        strip.appendChild(label);
        strip.appendChild(clearButton);
        var summary = section.querySelector(':scope > summary');
        if (summary) { summary.insertAdjacentElement('afterend', strip); }
        else { section.insertBefore(strip, section.firstChild); }
      }
      function update() {
        var confirmed = box.checked;
        if (section) {
          var state = confirmed ? 'confirmed' : (filled(section) ? 'pending' : 'cleared');
          section.classList.add('carried-section');
          section.classList.toggle('carried-confirmed', confirmed);
          section.dataset.carried = state;
          item.dataset.state = state;
          var status = item.querySelector('.carried-status');
          if (status) { status.textContent = state === 'pending' ? 'to confirm' : state; }
        }
        also.forEach(function (el) { el.classList.toggle('carried-pending', !confirmed); });
      }
      box.addEventListener('change', update);
      if (section) {
        section.addEventListener('change', update);
        section.addEventListener('input', update);
      }
      update();
    });
  });
}());
