// The day list's print button; a file of its own because the console's CSP allows no inline script.
for (const button of document.querySelectorAll('[data-print]')) {
  button.addEventListener('click', () => window.print());
}
