// DRF's browsable API: what its template blocks cannot reach. Its <html> is outside every block,
// and Bootstrap's tooltip moves the format button's title away, leaving the button without a name.
document.documentElement.lang = "zh-hans";
document.querySelectorAll("button.dropdown-toggle").forEach(function (button) {
  if (!button.textContent.trim() && !button.hasAttribute("aria-label")) {
    button.setAttribute("aria-label", "选择返回格式");
  }
});
