window.addEventListener("DOMContentLoaded", function () {
  var config = window.sphinxCookiesConsentConfig;
  config.hideFromBots = false;  // the browser of the test says that it is automated
  CookieConsent.run(config).then(
    function () { window.consentReady = true; },
    function (error) { window.consentError = String(error); }
  );
});
