// Before first paint: apply a theme chosen with the toggle on an earlier visit.
try {
  var theme = localStorage.getItem('verbatim-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {}
