/* The feedback form: checks the answers and shows an error summary linked to the fields.
   With an endpoint (data-background) it sends the form in the background and shows the
   result; a network or server failure keeps what was written and says so. Without this
   script the form submits normally. */
(function () {
  "use strict";

  var form = document.querySelector("[data-feedback-form]");
  if (!form) return;
  var summary = form.querySelector("[data-error-summary]");
  var failed = form.querySelector("[data-feedback-failed]");
  var button = form.querySelector("button[type=submit]");

  // Say which page the visitor came from, when it is a page of this site.
  if (document.referrer) {
    var from = new URL(document.referrer);
    if (from.origin === location.origin) form.querySelector("[data-feedback-page]").value = from.pathname;
  }
  form.noValidate = true; // the error summary replaces the browser's own messages
  var title = document.title;

  function problems() {
    var found = [];
    if (!form.elements.useful.value) found.push("useful");
    var improve = form.querySelector("[data-form-group=improve]");
    if (form.elements.improve.value.length > Number(improve.getAttribute("data-max-length"))) {
      found.push("improve");
    }
    return found;
  }

  function showErrors(names) {
    var list = summary.querySelector("[data-error-list]");
    list.textContent = "";
    form.querySelectorAll("[data-form-group]").forEach(function (group) {
      var name = group.getAttribute("data-form-group");
      var message = group.querySelector("[data-error-message]");
      var described = group.querySelector("fieldset, textarea");
      var ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== message.id;
      });
      var wrong = names.indexOf(name) !== -1;
      group.classList.toggle("form-group--error", wrong);
      message.hidden = !wrong;
      if (wrong) {
        ids.push(message.id);
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + name;
        link.textContent = message.querySelector("[data-error-text]").textContent;
        item.appendChild(link);
        list.appendChild(item);
      }
      if (ids.length) described.setAttribute("aria-describedby", ids.join(" "));
      else described.removeAttribute("aria-describedby");
    });
    summary.hidden = names.length === 0;
    document.title = names.length ? window.foilogText("Error:") + " " + title : title;
    if (names.length) summary.focus();
  }

  function send() {
    button.disabled = true;
    failed.hidden = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" },
      credentials: "omit"
    }).then(function (response) {
      if (!response.ok) throw new Error("The feedback service answered " + response.status);
      form.hidden = true;
      var sent = document.querySelector("[data-feedback-sent]");
      sent.hidden = false;
      sent.focus();
    }).catch(function () {
      // Keep everything the visitor wrote; let them try again.
      failed.hidden = false;
      failed.focus();
    }).then(function () {
      button.disabled = false;
    });
  }

  // No endpoint: the message as readable text, to copy into an email, rather than a
  // mail client opened with the form's raw fields.
  function showMessage() {
    var box = document.querySelector("[data-feedback-copy]");
    var page = form.querySelector("[data-feedback-page]").value;
    var t = window.foilogText;
    var lines = [t("Was this page useful?") + " " + t(form.elements.useful.value === "yes" ? "Yes" : "No")];
    if (form.elements.improve.value.trim()) lines.push(t("What can we improve?") + " " + form.elements.improve.value.trim());
    if (page) lines.push(t("Page:") + " " + page);
    var text = lines.join("\n");
    box.querySelector("[data-feedback-text]").textContent = text;
    var copied = box.querySelector("[data-feedback-copied]");
    box.querySelector("[data-feedback-copy-button]").onclick = function () {
      navigator.clipboard.writeText(text).then(function () {
        copied.textContent = t("Copied. Paste it into an email.");
      }, function () {
        copied.textContent = t("Your browser did not allow copying: select the message and copy it.");
      });
    };
    form.hidden = true;
    box.hidden = false;
    box.focus();
  }

  // Error summary links move focus to the field, with its question in view.
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    var field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    field.closest("[data-form-group]").scrollIntoView();
    field.focus({ preventScroll: true });
  });

  form.addEventListener("submit", function (event) {
    var names = problems();
    showErrors(names);
    if (names.length) {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute("data-background")) {
      event.preventDefault();
      send();
    } else {
      event.preventDefault();
      showMessage();
    }
  });
})();
