// storyline pages: highlight the cited span named in the address, and run upload jobs.
(function () {
  "use strict";

  function showCited() {
    document.querySelectorAll("mark.hit").forEach(function (el) { el.classList.remove("hit"); });
    var key = decodeURIComponent(location.hash.slice(1));
    if (key.indexOf("c-") !== 0) { return; }
    document.querySelectorAll("mark[data-cite]").forEach(function (el) {
      if (el.getAttribute("data-cite") === key) { el.classList.add("hit"); }
    });
    var target = document.getElementById(key);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    if (target) { target.scrollIntoView({block: "center"}); }
  }

  function text(el, value) { el.textContent = value; }

  function showErrors(list, inputs) {
    list.replaceChildren();
    inputs.forEach(function (input) {
      (input.errors || []).forEach(function (error) {
        var item = document.createElement("li");
        text(item, error.source + ": " + error.message);
        list.appendChild(item);
      });
    });
  }

  function poll(url, box) {
    var bar = box.querySelector("#job-progress");
    var status = box.querySelector("#job-state");
    var link = box.querySelector("#job-link");
    fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) { return r.json(); })
      .then(function (job) {
        bar.max = Math.max(job.total, 1);
        bar.value = job.analysed;
        text(status, job.state + ": " + job.analysed + " of " + job.total + " articles analysed"
          + (job.error ? " — " + job.error : ""));
        showErrors(box.querySelector("#job-errors"), job.inputs);
        if (job.state === "done" && job.url) {
          link.href = job.url;
          link.hidden = false;
          location.assign(job.url);
        } else if (job.state !== "failed") {
          setTimeout(function () { poll(url, box); }, 500);
        }
      })
      .catch(function () { text(status, "lost contact with the server; reload to retry"); });
  }

  function upload(event) {
    event.preventDefault();
    var form = event.target;
    var box = document.getElementById("job");
    box.hidden = false;
    text(box.querySelector("#job-state"), "uploading…");
    fetch(form.action, {method: "POST", body: new FormData(form)})
      .then(function (r) { return r.json().then(function (body) { return [r.status, body]; }); })
      .then(function (result) {
        var body = result[1];
        if (result[0] !== 202) {
          text(box.querySelector("#job-state"), "refused: " + body.error.message);
          showErrors(box.querySelector("#job-errors"), [{errors: body.error.details || []}]);
          return;
        }
        poll(body.url, box);
      })
      .catch(function () { text(box.querySelector("#job-state"), "upload failed; try again"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    showCited();
    var form = document.getElementById("upload");
    if (form) { form.addEventListener("submit", upload); }
  });
  window.addEventListener("hashchange", showCited);
})();
