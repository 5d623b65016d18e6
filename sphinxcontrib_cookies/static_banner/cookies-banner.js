/* sphinxcontrib-cookies: runs the consent banner (cookieconsent v3) with the configuration the
   build wrote from the cookie inventory (window.sphinxCookiesConsentConfig).

   - Google Consent Mode: when a category of the inventory names consent types, every one of
     them is "denied" by default here, before any tag runs, and updated on each choice.
   - Content held until consent (the cookie-embed directive): shown once its category (and its
     provider's service) is accepted, removed again when it is withdrawn.
   - Next to each category's table, the visitor's current choice.
   Scripts held until consent (type="text/plain" data-category="...") are cookieconsent's own. */
(function () {
  "use strict";
  var config = window.sphinxCookiesConsentConfig;
  if (!config || !window.CookieConsent) {
    return;
  }
  var own = config.sphinxCookies || {};
  var modes = own.consentMode || {};
  var modeTypes = own.consentModeDefaults || [];

  function consentState(granted) {
    var state = {};
    modeTypes.forEach(function (type) {
      state[type] = granted[type] ? "granted" : "denied";
    });
    return state;
  }

  if (modeTypes.length) {
    window.dataLayer = window.dataLayer || [];
    if (typeof window.gtag !== "function") {
      window.gtag = function () {
        window.dataLayer.push(arguments);
      };
    }
    window.gtag("consent", "default", consentState({}));
  }

  function updateConsentMode() {
    if (!modeTypes.length) {
      return;
    }
    var granted = {};
    Object.keys(modes).forEach(function (category) {
      if (CookieConsent.acceptedCategory(category)) {
        modes[category].forEach(function (type) {
          granted[type] = true;
        });
      }
    });
    window.gtag("consent", "update", consentState(granted));
  }

  function accepted(element) {
    var category = element.getAttribute("data-cookie-category");
    var service = element.getAttribute("data-cookie-service");
    if (!CookieConsent.acceptedCategory(category)) {
      return false;
    }
    return !service || CookieConsent.acceptedService(service, category);
  }

  function showEmbeds() {
    document.querySelectorAll(".cookie-embed[data-cookie-category]").forEach(function (embed) {
      var frame = embed.querySelector(".cookie-embed-frame");
      var placeholder = embed.querySelector(".cookie-embed-placeholder");
      var template = embed.querySelector("template");
      if (accepted(embed)) {
        if (!frame.firstElementChild && template) {
          frame.appendChild(template.content.cloneNode(true));
        }
        frame.hidden = false;
        placeholder.hidden = true;
      } else {
        frame.replaceChildren();  // stops what it played
        frame.hidden = true;
        placeholder.hidden = false;
      }
    });
  }

  function showChoices() {
    var chosen = CookieConsent.validConsent();
    document.querySelectorAll(".cookie-choice[data-cookie-category]").forEach(function (choice) {
      var category = choice.getAttribute("data-cookie-category");
      var state = !chosen ? "unset" : CookieConsent.acceptedCategory(category) ? "accepted"
        : "refused";
      choice.setAttribute("data-state", state);
      choice.hidden = false;
    });
  }

  function update() {
    updateConsentMode();
    showEmbeds();
    showChoices();
  }

  config.onConsent = update;
  config.onChange = update;

  function start() {
    CookieConsent.run(config).then(showChoices);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
