// Chapitre: enhancements only; every page works without this file.
(function () {
  "use strict";

  function seekTo(audio, seconds, play) {
    audio.currentTime = seconds;
    if (play) { audio.play().catch(function () { /* autoplay refused: the position is set anyway */ }); }
  }

  function setUpPlayer() {
    var audio = document.getElementById("player");
    if (!audio) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll(".chapters li[data-start]"));
    document.querySelectorAll(".chapters a.seek").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        seekTo(audio, parseFloat(link.dataset.start), true);
        history.replaceState(null, "", "#t=" + link.dataset.start);
      });
    });
    function highlight() {
      var now = audio.currentTime, current = null;
      rows.forEach(function (row) { if (parseFloat(row.dataset.start) <= now + 0.05) { current = row; } });
      rows.forEach(function (row) {
        var on = row === current;
        row.classList.toggle("current", on);
        if (on) { row.setAttribute("aria-current", "true"); } else { row.removeAttribute("aria-current"); }
      });
    }
    audio.addEventListener("timeupdate", highlight);
    audio.addEventListener("seeked", highlight);
    // Deep links: #t=754.5, #t=12:34 or #t=1:02:03 (Media Fragments style), on load and when the hash changes.
    function followHash() {
      var match = /[#&]t=([0-9:.]+)/.exec(location.hash);
      if (!match) { return; }
      var seconds = match[1].split(":").reduce(function (total, part) { return total * 60 + parseFloat(part); }, 0);
      var start = function () { seekTo(audio, seconds, false); highlight(); };
      if (audio.readyState >= 1) { start(); } else { audio.addEventListener("loadedmetadata", start, { once: true }); }
    }
    window.addEventListener("hashchange", followHash);
    followHash();
  }

  function setUpCopy() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var field = document.querySelector(button.dataset.copy);
        field.select();
        var done = function () { button.textContent = button.dataset.copied; };
        if (navigator.clipboard) { navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); }); }
        else { document.execCommand("copy"); done(); }
      });
    });
  }

  function setUpStars(form) {
    var inputs = form.querySelectorAll(".stars input");
    function light() {
      var chosen = 0;
      inputs.forEach(function (input) { if (input.checked) { chosen = parseInt(input.value, 10); } });
      inputs.forEach(function (input) {
        form.querySelector("label[for='" + input.id + "']").classList.toggle("lit", parseInt(input.value, 10) <= chosen);
      });
    }
    inputs.forEach(function (input) { input.addEventListener("change", light); });
    light();
  }

  function setUpRatings() {
    document.querySelectorAll("form.rating-form").forEach(function (form) {
      setUpStars(form);
      var button = form.querySelector("button[type=submit]");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (button.disabled) { return; } // one submission at a time
        button.disabled = true;
        var section = form.closest(".rating");
        section.querySelectorAll("[data-error]").forEach(function (p) { p.hidden = true; p.textContent = ""; });
        form.querySelector(".stars").classList.remove("invalid");
        form.querySelectorAll("[aria-invalid]").forEach(function (field) { field.removeAttribute("aria-invalid"); });
        fetch(form.action, {
          method: "POST",
          headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(new FormData(form)).toString(),
          credentials: "same-origin"
        }).then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        }).then(function (result) {
          button.disabled = false;
          var body = result.body;
          if (result.ok) {
            var thanks = section.querySelector("[data-thanks]");
            thanks.textContent = body.message;
            if (body.summary) { section.querySelector("[data-average]").textContent = body.summary; }
            return;
          }
          if (body.errors) { // problem+json: each broken rule by field, in the page's language
            var first = null;
            body.errors.forEach(function (error) {
              var field = error.field;
              var p = section.querySelector("[data-error='" + field + "']");
              if (!p) { return; }
              p.textContent = error.reason;
              p.hidden = false;
              var target = field === "stars" ? form.querySelector(".stars") : form.querySelector("[name='" + field + "']");
              target.setAttribute("aria-invalid", "true");
              if (field === "stars") { target.classList.add("invalid"); }
              first = first || (field === "stars" ? form.querySelector(".stars input") : target);
            });
            if (first) { first.focus(); return; }
          }
          form.submit(); // anything else (expired form, too many): let the server's page explain
        }).catch(function () { form.submit(); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpPlayer();
    setUpCopy();
    setUpRatings();
  });
})();
