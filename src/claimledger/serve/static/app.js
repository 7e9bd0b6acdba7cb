// claimledger web UI: upload with progress. Text from the server is shown with textContent only.
"use strict";
(function () {
  const form = document.getElementById("upload-form");
  if (!form) { return; }
  const status = document.getElementById("upload-status");
  const bar = document.getElementById("upload-progress");
  const maxBytes = Number(form.dataset.maxBytes || "0");

  function say(text) { status.textContent = text; }

  async function poll(url, token) {
    for (;;) {
      const response = await fetch(url, { headers: { "Authorization": "Bearer " + token } });
      const job = await response.json();
      if (!response.ok) { say("Error: " + job.error.message); bar.hidden = true; return; }
      say(job.state + ": " + job.documents + " document(s) processed (" + job.ok + " ok, " +
          job.duplicate + " duplicate, " + job.failed + " failed)" +
          (job.current ? " — " + job.current : "") + (job.error ? " — " + job.error : ""));
      if (job.state === "done" || job.state === "failed") { bar.hidden = true; return; }
      await new Promise(function (resolve) { setTimeout(resolve, 500); });
    }
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const file = document.getElementById("upload-file").files[0];
    const token = document.getElementById("upload-token").value;
    if (!file) { say("Choose a file first."); return; }
    if (maxBytes && file.size > maxBytes) { say("This file is larger than the server accepts (" + maxBytes + " bytes)."); return; }
    bar.hidden = false; bar.removeAttribute("value");
    say("Uploading " + file.name + "…");
    try {
      const response = await fetch("/api/documents?name=" + encodeURIComponent(file.name), {
        method: "POST", body: file, headers: { "Authorization": "Bearer " + token },
      });
      const body = await response.json();
      if (!response.ok) { say("Refused: " + body.error.message); bar.hidden = true; return; }
      await poll(body.url, token);
    } catch (err) {
      say("Upload failed: " + String(err)); bar.hidden = true;
    }
  });
}());
