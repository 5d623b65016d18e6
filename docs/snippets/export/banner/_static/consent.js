// _static/consent.js: start the banner once the page is there.
window.addEventListener("DOMContentLoaded", function () {
  CookieConsent.run(window.sphinxCookiesConsentConfig);
});
