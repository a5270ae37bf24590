// Interregnum workbench: live validation, atomic save, runs with progress and cancel. No framework, no network
// beyond this server (same origin). Everything else is server-rendered HTML.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const editor = $("editor");
  if (editor) {
    const file = editor.dataset.file;
    const gutter = $("gutter");
    const problems = $("problems");
    const status = $("status");
    let timer = 0;
    let badLines = new Set(Array.from(problems.children).map((li) => Number(li.dataset.line)));

    const drawGutter = () => {
      const n = editor.value.split("\n").length;
      const lines = [];
      for (let i = 1; i <= n; i++) lines.push((badLines.has(i) ? "\u25B6 " : "  ") + i);
      gutter.textContent = lines.join("\n");
      gutter.scrollTop = editor.scrollTop;
    };
    const show = (list) => {
      problems.replaceChildren();
      badLines = new Set();
      for (const p of list) {
        const li = document.createElement("li");
        li.dataset.line = String(p.line);
        li.textContent = p.text;
        li.addEventListener("click", () => goTo(p.line, p.column));
        problems.appendChild(li);
        badLines.add(p.line);
      }
      drawGutter();
    };
    const goTo = (line, column) => {
      const lines = editor.value.split("\n");
      let at = 0;
      for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
      at += Math.max(0, column - 1);
      editor.focus();
      editor.setSelectionRange(at, at);
    };
    const post = (url) => fetch(url + "?file=" + encodeURIComponent(file), {
      method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: editor.value,
    });
    const validate = async () => {
      const r = await post("/api/validate");
      if (!r.ok) { status.textContent = "cannot check: " + r.status; return; }
      const body = await r.json();
      show(body.problems);
      status.textContent = body.problems.length === 0 ? "valid" : body.problems.length + " problem(s)";
      editor.dataset.valid = body.problems.length === 0 ? "yes" : "no";
    };
    editor.addEventListener("input", () => { clearTimeout(timer); editor.dataset.valid = "pending"; timer = setTimeout(validate, 250); drawGutter(); });
    editor.addEventListener("scroll", () => { gutter.scrollTop = editor.scrollTop; });
    $("save").addEventListener("click", async () => {
      const r = await post("/api/save");
      const body = await r.json().catch(() => ({ problems: [] }));
      show(body.problems || []);
      status.textContent = body.saved ? "saved" : "not saved: fix the problems first";
    });
    for (const li of problems.children) li.addEventListener("click", () => goTo(Number(li.dataset.line), 1));
    editor.dataset.valid = problems.children.length === 0 ? "yes" : "no";
    drawGutter();
  }

  const form = $("run-form");
  if (form) {
    const progress = $("progress");
    const runStatus = $("run-status");
    const result = $("result");
    const cancel = $("cancel");
    const button = $("run-button");
    let current = null;
    const poll = async () => {
      if (!current) return;
      const r = await fetch("/api/runs/" + current);
      const job = await r.json();
      progress.max = Math.max(1, job.total);
      progress.value = job.done;
      runStatus.textContent = job.state + (job.stage ? " " + job.stage : "") + " (" + job.done + " of " + job.total + ")" + (job.message ? ": " + job.message : "");
      if (job.state === "running") { setTimeout(poll, 200); return; }
      current = null;
      cancel.disabled = true;
      button.disabled = false;
      if (job.state === "done") {
        result.innerHTML = job.html;
        if (job.stored_run) {
          const p = document.createElement("p");
          const a = document.createElement("a");
          a.href = "/runs/" + job.stored_run;
          a.textContent = "stored run " + job.stored_run;
          p.append(a);
          result.append(p);
        }
      }
      result.dataset.state = job.state;
    };
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      result.replaceChildren();
      result.dataset.state = "running";
      const r = await fetch(form.dataset.action, { method: "POST", body: new URLSearchParams(new FormData(form)) });
      const body = await r.json();
      if (!r.ok) { runStatus.textContent = body.error || ("failed: " + r.status); result.dataset.state = "failed"; return; }
      current = body.id;
      cancel.disabled = false;
      button.disabled = true;
      poll();
    });
    cancel.addEventListener("click", () => { if (current) fetch("/api/runs/" + current + "/cancel", { method: "POST" }); });
  }
})();
