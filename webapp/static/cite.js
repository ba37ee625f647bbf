// partyfacts "copy as citation": reveals the copy button of each citation box (templates/_cite.html)
// and copies its text; without JS the box still shows the text to select. No library, no CDN.
(function () {
  "use strict";
  function copyText(area) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(area.value);
    }
    // http:// on a LAN address is not a secure context: the old selection command still copies
    area.focus();
    area.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  function init() {
    var buttons = document.querySelectorAll("details.cite .cite-copy");
    Array.prototype.forEach.call(buttons, function (btn) {
      var box = btn.closest("details.cite");
      var area = box.querySelector("textarea");
      var status = box.querySelector(".cite-status");
      var help = box.querySelector(".cite-nojs");
      btn.hidden = false;
      if (help) { help.hidden = true; }
      btn.addEventListener("click", function () {
        copyText(area).then(function () {
          status.textContent = btn.getAttribute("data-done");
          box.setAttribute("data-copied", "true");
        }, function () {
          area.focus();
          area.select();
          status.textContent = btn.getAttribute("data-fail");
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
