// partyfacts: progressive enhancements only (every page works without JS).
(function () {
  "use strict";
  // Fact-type toggles on the article / Try-it text: add or remove hide-<type> on the text container.
  function initLegend() {
    var text = document.getElementById("doctext");
    if (!text) { return; }
    var boxes = document.querySelectorAll("#legend input[data-toggle]");
    Array.prototype.forEach.call(boxes, function (box) {
      box.addEventListener("change", function () {
        text.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
      });
    });
  }
  // Filter selects submit their form on change.
  function initFilters() {
    var selects = document.querySelectorAll("form.filters select");
    Array.prototype.forEach.call(selects, function (sel) {
      sel.addEventListener("change", function () { sel.form.submit(); });
    });
  }
  // The filter box (details/summary, closed in the HTML so a phone shows results first) stays open on wide screens.
  function initFilterBox() {
    var box = document.getElementById("filterbox");
    if (!box || !window.matchMedia) { return; }
    var wide = window.matchMedia("(min-width: 801px)");
    function sync() { if (wide.matches) { box.open = true; } }
    sync();
    if (wide.addEventListener) { wide.addEventListener("change", sync); }
  }
  // Flash the target of an in-page link (a fact span reached from the facts table).
  function flashTarget() {
    if (!location.hash) { return; }
    var el = document.getElementById(location.hash.slice(1));
    if (el && el.nextElementSibling) {
      el.nextElementSibling.classList.add("target");
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    initLegend(); initFilters(); initFilterBox(); flashTarget();
    window.addEventListener("hashchange", flashTarget);
  });
})();
