// Swagger UI renders a few controls without names and code boxes that scroll but cannot take focus.
// Name them as they appear (Swagger UI redraws parts of the page as the user expands operations).
(function () {
  function patch(root) {
    root.querySelectorAll(".parameters select:not([aria-label])").forEach(function (select) {
      var row = select.closest("tr");
      var name = row && row.getAttribute("data-param-name");
      if (name) select.setAttribute("aria-label", name);
    });
    root.querySelectorAll(".highlight-code pre:not([tabindex]), .microlight:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
    });
    root.querySelectorAll("button.close-modal:not([aria-label])").forEach(function (button) {
      button.setAttribute("aria-label", "关闭");
    });
    // The visible word must be part of the accessible name (WCAG 2.5.3).
    root.querySelectorAll("button.modal-btn.authorize[aria-label]").forEach(function (button) {
      button.setAttribute("aria-label", button.textContent.trim());
    });
  }
  new MutationObserver(function () { patch(document); }).observe(document.body, { childList: true, subtree: true });
  patch(document);
})();
