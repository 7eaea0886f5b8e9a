/* Cookie consent: the banner's Accept and Reject buttons, the cookies page form, and the
   optional scripts, loaded only for the categories the visitor has accepted.
   The configuration comes from this script element's data-config attribute (written by the
   build from the settings), so the site needs no inline script. */
(function () {
  "use strict";

  var script = document.currentScript;
  var config = JSON.parse(script.getAttribute("data-config"));
  var YEAR_IN_SECONDS = 365 * 24 * 60 * 60;
  var YEAR_IN_MS = YEAR_IN_SECONDS * 1000;

  function readConsent() {
    var prefix = config.cookie + "=";
    var found = document.cookie.split("; ").filter(function (c) {
      return c.indexOf(prefix) === 0;
    })[0];
    if (!found) return null;
    try {
      var consent = JSON.parse(decodeURIComponent(found.slice(prefix.length)));
      var age = Date.now() - Date.parse(consent.date);
      // Consent lasts 12 months, or until the policy version changes.
      if (consent.version !== config.version || !(age >= 0 && age < YEAR_IN_MS)) return null;
      return consent;
    } catch (error) {
      return null;
    }
  }

  function saveConsent(choices) {
    var consent = { version: config.version, date: new Date().toISOString(), choices: choices };
    var cookie = config.cookie + "=" + encodeURIComponent(JSON.stringify(consent)) +
      "; Path=/; Max-Age=" + YEAR_IN_SECONDS + "; SameSite=Lax";
    if (location.protocol === "https:") cookie += "; Secure";
    document.cookie = cookie;
  }

  function deleteCookie(name) {
    // Analytics scripts often set cookies on the parent domain: try each one.
    var parts = location.hostname.split(".");
    var domains = [""];
    for (var i = 0; i < parts.length - 1; i++) {
      domains.push("; Domain=." + parts.slice(i).join("."));
    }
    domains.forEach(function (domain) {
      document.cookie = name + "=; Path=/; Max-Age=0" + domain;
    });
  }

  function deleteCookiesOf(category) {
    var present = document.cookie.split("; ").map(function (c) {
      return c.split("=")[0];
    });
    category.cookies.forEach(function (pattern) {
      var wildcard = pattern.slice(-1) === "*";
      var stem = wildcard ? pattern.slice(0, -1) : pattern;
      present.forEach(function (name) {
        if (wildcard ? name.indexOf(stem) === 0 : name === stem) deleteCookie(name);
      });
    });
  }

  function loadScriptsOf(category) {
    category.scripts.forEach(function (item) {
      if (document.querySelector('script[data-consented-src="' + CSS.escape(item.src) + '"]')) return;
      var element = document.createElement("script");
      element.src = item.src;
      element.async = true;
      element.setAttribute("data-consented-src", item.src);
      Object.keys(item.attributes).forEach(function (name) {
        element.setAttribute(name, item.attributes[name]);
      });
      document.head.appendChild(element);
    });
  }

  // Load what is accepted; remove the cookies of what is not. Scripts already running stay
  // until the next page, which loads only what is accepted.
  function apply(consent) {
    config.categories.forEach(function (category) {
      if (consent && consent.choices[category.name] === true) loadScriptsOf(category);
      else deleteCookiesOf(category);
    });
  }

  function choose(accepted) {
    var choices = {};
    config.categories.forEach(function (category) {
      choices[category.name] = accepted(category.name);
    });
    saveConsent(choices);
    apply(readConsent());
  }

  function startBanner(banner) {
    var question = banner.querySelector("[data-cookie-question]");
    var confirmation = banner.querySelector("[data-cookie-confirmation]");
    banner.querySelectorAll("[data-cookie-choice]").forEach(function (button) {
      button.addEventListener("click", function () {
        var accept = button.getAttribute("data-cookie-choice") === "accept";
        choose(function () { return accept; });
        confirmation.querySelector("[data-cookie-decision]").textContent = window.foilogText(accept ? "accepted" : "rejected");
        question.hidden = true;
        confirmation.hidden = false;
        confirmation.focus();
      });
    });
    banner.querySelector("[data-cookie-hide]").addEventListener("click", function () {
      banner.hidden = true;
      // Focus moves on to where the banner ended, not back to the start of the page.
      var next = document.querySelector("header a, header button, #main");
      next.focus();
    });
    question.hidden = false;
  }

  function startForm(form) {
    var consent = readConsent();
    config.categories.forEach(function (category) {
      var accepted = consent !== null && consent.choices[category.name] === true;
      form.elements[category.name].value = accepted ? "yes" : "no";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      choose(function (name) { return form.elements[name].value === "yes"; });
      var saved = document.querySelector("[data-cookie-saved]");
      saved.hidden = false;
      saved.focus();
      window.scrollTo(0, 0);
    });
    form.hidden = false;
  }

  function start() {
    var consent = readConsent();
    apply(consent);
    var banner = document.querySelector("[data-cookie-banner]");
    if (banner) {
      if (consent) banner.hidden = true;
      else startBanner(banner);
    }
    var form = document.querySelector("[data-cookie-form]");
    if (form) startForm(form);
  }

  start();
})();
