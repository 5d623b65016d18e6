// _static/consent.js: reword the banner and change its layout, then start it.
window.addEventListener("DOMContentLoaded", function () {
  var config = window.sphinxCookiesConsentConfig;
  var texts = config.language.translations[config.language.default];
  texts.consentModal.description = "We ask before we measure anything.";
  config.guiOptions = {consentModal: {layout: "bar"}};
  CookieConsent.run(config);
});
